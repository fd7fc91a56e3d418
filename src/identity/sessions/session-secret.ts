import { createHash, randomBytes } from 'node:crypto';

// The cookie carries 32 random bytes; the database keeps only their SHA-256, so a copy of
// the sessions table signs no one in.
export const generateSessionSecret = (): string => randomBytes(32).toString('base64url');

export const hashSessionSecret = (secret: string): string =>
  createHash('sha256').update(secret, 'utf8').digest('hex');

// 32 bytes in base64url: anything else is not one of ours and is not looked up.
export const SESSION_SECRET_SHAPE = /^[A-Za-z0-9_-]{43}$/;
