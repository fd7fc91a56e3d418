import { createHash, randomBytes } from 'node:crypto';

// An invitation link carries 32 random bytes; the database keeps their SHA-256 only.
export const generateInvitationToken = (): string => randomBytes(32).toString('base64url');

export const hashInvitationToken = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex');

export const INVITATION_TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export const INVITATION_VALID_MS = 72 * 60 * 60 * 1000;

// The token travels after `#`, so it never reaches a server log, a proxy or a Referer.
export const invitationUrl = (publicBaseUrl: string, token: string): string =>
  `${publicBaseUrl}/#/invitation/${token}`;
