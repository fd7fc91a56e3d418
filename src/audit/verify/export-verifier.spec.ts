import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { AuditEvent, chainOf, GENESIS_HASH, HashedAuditEvent } from '../audit-event.js';
import { AuditDigest, signDigest } from '../digest/audit-digest.js';
import { merkleRoot } from '../digest/merkle.js';
import { hashAuditEvent } from '../event-hash.js';
import { ExportVerifier, VerifierOptions } from './export-verifier.js';

const CLAIM_A = '0b9c2c1e-6f43-4c41-9a3d-5f1a7f1d2a01';
const CLAIM_B = '7d4e9a20-1c55-4b8e-8e0e-3b2f6c9a4b02';

// Interleaved events on two claim chains and the system chain, hashed like the service does.
function history(): AuditEvent[] {
  const heads = new Map<string, string>();
  const claims = [CLAIM_A, null, CLAIM_B, CLAIM_A, CLAIM_B, CLAIM_A, null];
  return claims.map((claimId, index) => {
    const chain = chainOf(claimId);
    const event: HashedAuditEvent = {
      id: randomUUID(),
      claimId,
      type: claimId ? 'comment.added' : 'user.created',
      actor: { id: randomUUID(), name: 'Ann Editor', roles: ['editor'] },
      at: new Date(Date.UTC(2026, 0, 1, 9, 0, index)).toISOString(),
      fromStatus: null,
      toStatus: null,
      rationale: null,
      data: { body: `note ${index}`, nested: { n: index } },
      prevHash: heads.get(chain) ?? GENESIS_HASH,
    };
    const hash = hashAuditEvent(event);
    heads.set(chain, hash);
    return { ...event, seq: String(10 + index * 3), hash };
  });
}

function digestOf(events: AuditEvent[], privateKey?: string): AuditDigest {
  const heads = new Map<string, AuditEvent>();
  for (const event of events) heads.set(chainOf(event.claimId), event);
  const chains = [...heads]
    .map(([chain, event]) => ({ chain, seq: event.seq, head: event.hash }))
    .sort((a, b) => (a.chain < b.chain ? -1 : 1));
  const digest: AuditDigest = {
    asOf: '2026-01-01T10:00:00.000Z',
    seq: events[events.length - 1].seq,
    chains,
    root: merkleRoot(chains),
  };
  if (privateKey) digest.signature = signDigest(digest, privateKey);
  return digest;
}

function verify(events: unknown[], options: VerifierOptions = {}) {
  const verifier = new ExportVerifier(options);
  for (const [index, event] of events.entries()) {
    const failure = verifier.add(event, index + 1);
    if (failure) return { failure, summary: verifier.summary() };
  }
  return { failure: verifier.finish(), summary: verifier.summary() };
}

const clone = (events: AuditEvent[]) => JSON.parse(JSON.stringify(events)) as AuditEvent[];

describe(ExportVerifier.name, () => {
  it('accepts an untouched history and summarises it', () => {
    const events = history();
    const { failure, summary } = verify(events);
    expect(failure).toBeUndefined();
    expect(summary).toEqual({ events: 7, chains: 3, firstSeq: '10', lastSeq: '28' });
  });

  it('names the event whose data was changed by one character', () => {
    const events = clone(history());
    events[3].data = { ...events[3].data, body: 'note 4' };
    const { failure } = verify(events);
    expect(failure).toMatchObject({ seq: events[3].seq, id: events[3].id, line: 4 });
    expect(failure?.reason).toContain('hash mismatch');
  });

  it('names the event after a deleted one in the same chain', () => {
    const events = history();
    const withoutThird = events.filter((_, index) => index !== 3);
    const { failure } = verify(withoutThird);
    expect(failure).toMatchObject({ seq: events[5].seq, id: events[5].id });
    expect(failure?.reason).toContain('broken link');
  });

  it('names a chain whose first event was deleted', () => {
    const events = history().slice(1);
    const { failure } = verify(events);
    expect(failure).toMatchObject({ seq: events[2].seq });
    expect(failure?.reason).toContain('genesis');
  });

  it('accepts a chain starting mid-way only when told the export is partial', () => {
    const events = history().slice(1);
    expect(verify(events, { partial: true }).failure).toBeUndefined();
  });

  it('names the first out-of-place event when two lines are swapped', () => {
    const events = history();
    [events[2], events[3]] = [events[3], events[2]];
    const { failure } = verify(events);
    expect(failure).toMatchObject({ seq: events[3].seq, id: events[3].id, line: 4 });
    expect(failure?.reason).toContain('out of order');
  });

  it('names an event that is not an audit event at all', () => {
    const events: unknown[] = history();
    events[1] = { ...(events[1] as object), prevHash: 'nope' };
    expect(verify(events).failure).toMatchObject({
      line: 2,
      reason: expect.stringContaining('prevHash'),
    });
  });

  describe('against an earlier digest', () => {
    it('accepts a later export that extends what the digest covered', () => {
      const events = history();
      const digest = digestOf(events.slice(0, 5));
      expect(verify(events, { digest }).failure).toBeUndefined();
    });

    it('names the digest head missing from a truncated export', () => {
      const events = history();
      const digest = digestOf(events.slice(0, 6));
      const { failure } = verify(events.slice(0, 5), { digest });
      expect(failure).toMatchObject({ seq: events[5].seq });
      expect(failure?.reason).toContain(`head of chain ${CLAIM_A}`);
      expect(failure?.reason).toContain(`seq ${events[3].seq} (id ${events[3].id})`);
    });

    it('refuses a digest whose root does not match its heads', () => {
      const events = history();
      const digest = { ...digestOf(events), root: 'f'.repeat(64) };
      expect(verify(events, { digest }).failure?.reason).toContain('root mismatch');
    });

    it('checks the signature with the public key, and refuses a forged one', () => {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
      const publicPem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
      const events = history();
      const digest = digestOf(events, privatePem);

      const good = verify(events, { digest, publicKeyPem: publicPem });
      expect(good.failure).toBeUndefined();
      expect(good.summary.digest?.signature).toBe('valid');

      const forged = { ...digest, asOf: '2026-01-02T10:00:00.000Z' };
      const bad = verify(events, { digest: forged, publicKeyPem: publicPem });
      expect(bad.failure?.reason).toContain('signature does not verify');
      expect(bad.summary.digest?.signature).toBe('INVALID');
    });
  });
});
