import { randomBytes } from 'node:crypto';
import { withDatabase } from '../../support/database.js';

// A passkey row as registration stores it, for tests about listing, removing and sign-in
// limits (the key itself is random: an assertion against it fails verification).
export async function storedPasskey(userId: string): Promise<{ id: string; credentialId: string }> {
  const credentialId = randomBytes(16).toString('base64url');
  const [row] = await withDatabase(
    async (db) =>
      (
        await db.query(
          `INSERT INTO passkeys (user_id, credential_id, public_key, device_type, backed_up, label)
           VALUES ($1, $2, $3, 'singleDevice', false, 'test key') RETURNING id`,
          [userId, credentialId, randomBytes(77)],
        )
      ).rows,
  );
  return { id: row.id as string, credentialId };
}
