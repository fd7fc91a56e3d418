import { hash, randomBytes } from 'node:crypto';

import { TOKEN_PREFIX } from '../config/token-format.js';

export { TOKEN_PREFIX, TOKEN_SHAPE } from '../config/token-format.js';

// 32 random bytes, URL-safe, with a prefix that secret scanners and people can recognise.
export function generateTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

// Tokens are looked up by this digest, never compared as plaintext: the secret itself is
// never in the database, and a lookup by hash leaks nothing about other tokens' bytes.
export function hashTokenSecret(secret: string): string {
  // One-shot hash (UTF-8), on every authenticated request.
  return hash('sha256', secret, 'hex');
}
