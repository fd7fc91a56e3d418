import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_PREFIX = 'cd_';

// Every token the service accepts: the prefix, then at least 32 URL-safe characters (a
// generated one has 43). Anything else is refused without a database lookup.
export const TOKEN_SHAPE = /^cd_[A-Za-z0-9_-]{32,197}$/;

// 32 random bytes, URL-safe, with a prefix that secret scanners and people can recognise.
export function generateTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

// Tokens are looked up by this digest, never compared as plaintext: the secret itself is
// never in the database, and a lookup by hash leaks nothing about other tokens' bytes.
export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
