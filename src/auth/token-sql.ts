// The bearer-token lookup, shared by TokenAuthenticatorService and the benchmark's baseline so the
// two can never drift apart, and the check that lets a write confirm a remembered identity
// in its own statement. Pure: no framework, no connection.

// last_used_at is a hint for admins, not an audit record: writing it at most once a
// minute keeps a busy token from turning every read into a write.
const LAST_USED_RESOLUTION = '1 minute';

// A token that may still be used: not revoked, not expired. Its user must also be active.
const LIVE_TOKEN = `t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())`;

// $1 is the token's hash.
export const AUTHENTICATE_TOKEN_SQL = `WITH token AS (
         SELECT t.id, t.user_id, t.last_used_at FROM api_tokens t
         WHERE t.token_hash = $1 AND ${LIVE_TOKEN}
       ), touched AS (
         UPDATE api_tokens SET last_used_at = now()
         WHERE id = (SELECT id FROM token)
           AND (last_used_at IS NULL OR last_used_at < now() - interval '${LAST_USED_RESOLUTION}')
       )
       SELECT token.id AS token_id, u.id, u.name, u.email, u.roles
       FROM token JOIN users u ON u.id = token.user_id
       WHERE u.active`;

// A SQL condition, true when the identity a request was answered with still holds: the
// token is live, its user active, with the name and roles the request was checked against
// and the audit event records. The four placeholders from `first` bind
// identityCheckParameters(). A statement that needs it comes in two texts, with and
// without: a condition that is sometimes void would cost the statement its generic plan.
export const identityHolds = (first: number): string => {
  const [token, user, name, roles] = [0, 1, 2, 3].map((offset) => `$${first + offset}`);
  return `EXISTS (
           SELECT FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.id = ${token}::uuid AND ${LIVE_TOKEN}
              AND u.id = ${user}::uuid AND u.active AND u.name = ${name}::text
              AND u.roles = ${roles}::text[])`;
};
