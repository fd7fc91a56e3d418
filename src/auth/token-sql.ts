// The bearer-token lookup, shared by TokenAuthenticatorService and the benchmark's baseline so the
// two can never drift apart. Pure: no framework, no connection. $1 is the token's hash.

// last_used_at is a hint for admins, not an audit record: writing it at most once a
// minute keeps a busy token from turning every read into a write.
const LAST_USED_RESOLUTION = '1 minute';

export const AUTHENTICATE_TOKEN_SQL = `WITH token AS (
         SELECT t.id, t.user_id, t.last_used_at FROM api_tokens t
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL
           AND (t.expires_at IS NULL OR t.expires_at > now())
       ), touched AS (
         UPDATE api_tokens SET last_used_at = now()
         WHERE id = (SELECT id FROM token)
           AND (last_used_at IS NULL OR last_used_at < now() - interval '${LAST_USED_RESOLUTION}')
       )
       SELECT token.id AS token_id, u.id, u.name, u.email, u.roles
       FROM token JOIN users u ON u.id = token.user_id
       WHERE u.active`;
