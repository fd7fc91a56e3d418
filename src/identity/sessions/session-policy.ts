// How long a sign-in lasts (SPEC §16): 12 hours without a request ends it, and so does
// 7 days after it began, however busy.
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
// last_seen_at is written at most once a minute per session, so a busy desk does not turn
// every read into a write; idle expiry is 12 h, so a minute's slack changes nothing.
export const LAST_SEEN_RESOLUTION_MS = 60 * 1000;

export type SessionMethod = 'passkey' | 'oidc' | 'token';

export interface SessionTimes {
  lastSeenAt: Date;
  expiresAt: Date;
}

// When a session ends if nothing more happens: the earlier of its idle and absolute ends.
export const sessionEndsAt = (times: SessionTimes): Date =>
  new Date(Math.min(times.lastSeenAt.getTime() + SESSION_IDLE_MS, times.expiresAt.getTime()));

export const isSessionLive = (times: SessionTimes, now: Date): boolean =>
  now.getTime() < sessionEndsAt(times).getTime();
