import canonicalize from 'canonicalize';
import type { AuditEvent } from './types.js';

export const GENESIS_HASH = '0'.repeat(64);

export type ChainCheck =
  | { state: 'verified'; events: number; chains: number }
  | { state: 'broken'; eventId: string; reason: string }
  | { state: 'unavailable'; reason: string };

// The hashed form of an event, exactly as src/audit/event-hash.ts builds it: every field
// but `hash` and `seq`, as RFC 8785 canonical JSON.
export async function hashEvent(event: AuditEvent): Promise<string> {
  const { id, claimId, type, actor, at, fromStatus, toStatus, rationale, data, prevHash } = event;
  const hashed = { id, claimId, type, actor, at, fromStatus, toStatus, rationale, data, prevHash };
  const bytes = new TextEncoder().encode(canonicalize(hashed));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

// Recomputes every hash and every link, chain by chain (the claim id, or `system`), in
// seq order: seq increases along every chain (SPEC §6).
export async function verifyChains(events: AuditEvent[]): Promise<ChainCheck> {
  if (!globalThis.crypto?.subtle) {
    return { state: 'unavailable', reason: 'Web Crypto needs a secure context (HTTPS).' };
  }
  const ordered = [...events].sort((a, b) => compareSeq(a.seq, b.seq));
  const heads = new Map<string, string>();
  for (const event of ordered) {
    const chain = event.claimId ?? 'system';
    const expectedPrev = heads.get(chain) ?? GENESIS_HASH;
    if (event.prevHash !== expectedPrev) {
      return { state: 'broken', eventId: event.id, reason: 'does not link to the event before it' };
    }
    if ((await hashEvent(event)) !== event.hash) {
      return { state: 'broken', eventId: event.id, reason: 'its content does not match its hash' };
    }
    heads.set(chain, event.hash);
  }
  return { state: 'verified', events: events.length, chains: heads.size };
}

export const parseNdjson = (text: string): AuditEvent[] =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as AuditEvent);

// seq is a bigint, sent as a string: compare as numbers, not text ("10" after "9").
function compareSeq(a: string | number, b: string | number): number {
  const [x, y] = [BigInt(a), BigInt(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}
