import { AUDIT_EVENT_TYPES, AuditEvent, chainOf, GENESIS_HASH } from '../audit-event.js';
import { AuditDigest, digestSignatureHolds } from '../digest/audit-digest.js';
import { merkleRoot } from '../digest/merkle.js';
import { hashAuditEvent } from '../event-hash.js';

// Where verification stopped: the first event that breaks the history (or the digest).
export interface VerifyFailure {
  line?: number;
  seq?: string;
  id?: string;
  reason: string;
}

export interface VerifySummary {
  events: number;
  chains: number;
  firstSeq: string | null;
  lastSeq: string | null;
  digest?: { seq: string; chains: number; root: string; signature: SignatureCheck };
}

export type SignatureCheck = 'valid' | 'INVALID' | 'absent' | 'not checked (no public key given)';

export interface VerifierOptions {
  // The digest an auditor kept earlier; the export must contain every head it names.
  digest?: AuditDigest;
  publicKeyPem?: string;
  // Accept chains that start mid-way (an export filtered by time); hashes and the links
  // inside the export are still checked.
  partial?: boolean;
}

interface ChainState {
  head: string;
  seq: string;
  id: string;
}

const HEX64 = /^[0-9a-f]{64}$/;
const DECIMAL = /^[1-9]\d*$/;

// Checks an export event by event, in the order it was written, holding only one entry
// per chain, so a history of millions of events verifies in constant memory per chain.
export class ExportVerifier {
  private readonly chains = new Map<string, ChainState>();
  // chain → the head hash the digest names, until the export shows it.
  private readonly awaitedHeads = new Map<string, string>();
  private readonly foundHeads = new Map<string, string>();
  private events = 0;
  private firstSeq: string | null = null;
  private lastSeq: string | null = null;

  constructor(private readonly options: VerifierOptions = {}) {
    for (const { chain, head } of options.digest?.chains ?? []) this.awaitedHeads.set(chain, head);
  }

  // Checks the next event; `line` is its 1-based position in the file, for the report.
  add(value: unknown, line: number): VerifyFailure | undefined {
    const shapeProblem = describeShapeProblem(value);
    const named = value as Partial<AuditEvent> | null;
    const where = {
      line,
      seq: typeof named?.seq === 'string' ? named.seq : undefined,
      id: typeof named?.id === 'string' ? named.id : undefined,
    };
    if (shapeProblem) return { ...where, reason: `not an audit event: ${shapeProblem}` };
    const event = value as AuditEvent;

    if (this.lastSeq !== null && BigInt(event.seq) <= BigInt(this.lastSeq)) {
      return {
        ...where,
        reason: `out of order: seq ${event.seq} follows seq ${this.lastSeq} (events were moved or repeated)`,
      };
    }
    const recomputed = hashAuditEvent(event);
    if (recomputed !== event.hash) {
      return {
        ...where,
        reason: `hash mismatch: the event's content was altered (recomputed ${recomputed})`,
      };
    }
    const chain = chainOf(event.claimId);
    const previous = this.chains.get(chain);
    if (previous && event.prevHash !== previous.head) {
      return {
        ...where,
        reason:
          `broken link in chain ${chain}: prevHash does not match the previous event ` +
          `of the chain in the export (seq ${previous.seq}); events are missing or were reordered`,
      };
    }
    if (!previous && !this.options.partial && event.prevHash !== GENESIS_HASH) {
      return {
        ...where,
        reason:
          `chain ${chain} does not start at its first event in the export ` +
          `(prevHash is not the genesis hash; use --partial for a time-filtered export)`,
      };
    }

    this.chains.set(chain, { head: event.hash, seq: event.seq, id: event.id });
    if (this.awaitedHeads.get(chain) === event.hash) this.foundHeads.set(chain, event.hash);
    this.events += 1;
    this.firstSeq ??= event.seq;
    this.lastSeq = event.seq;
    return undefined;
  }

  // After the last event: checks the digest (every head present, root and signature).
  finish(): VerifyFailure | undefined {
    const digest = this.options.digest;
    if (!digest) return undefined;
    const missing = digest.chains
      .filter(({ chain }) => !this.foundHeads.has(chain))
      .sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
    if (missing.length) {
      const [first] = missing;
      const last = this.chains.get(first.chain);
      const after = last
        ? `the export's last event of that chain is seq ${last.seq} (id ${last.id})`
        : 'the export has no event of that chain';
      return {
        seq: first.seq,
        reason:
          `the digest's head of chain ${first.chain} (seq ${first.seq}, hash ${first.head}) ` +
          `is not in the export; ${after} — the history the digest covers was truncated or ` +
          `rewritten (${missing.length} chain(s) affected)`,
      };
    }
    const root = merkleRoot([...this.foundHeads].map(([chain, head]) => ({ chain, head })));
    if (root !== digest.root) {
      return { reason: `digest root mismatch: recomputed ${root}, digest says ${digest.root}` };
    }
    if (this.options.publicKeyPem) {
      if (!digest.signature) return { reason: 'the digest carries no signature to check' };
      if (!digestSignatureHolds(digest, this.options.publicKeyPem)) {
        return { reason: 'the digest signature does not verify with the given public key' };
      }
    }
    return undefined;
  }

  summary(): VerifySummary {
    const digest = this.options.digest;
    return {
      events: this.events,
      chains: this.chains.size,
      firstSeq: this.firstSeq,
      lastSeq: this.lastSeq,
      ...(digest && {
        digest: {
          seq: digest.seq,
          chains: digest.chains.length,
          root: digest.root,
          signature: !digest.signature
            ? 'absent'
            : !this.options.publicKeyPem
              ? 'not checked (no public key given)'
              : digestSignatureHolds(digest, this.options.publicKeyPem)
                ? 'valid'
                : 'INVALID',
        },
      }),
    };
  }
}

function describeShapeProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const event = value as Record<string, unknown>;
  const isString = (key: string) => typeof event[key] === 'string';
  const isNullableString = (key: string) => event[key] === null || isString(key);
  if (!isString('seq') || !DECIMAL.test(event.seq as string)) return 'seq';
  if (!isString('id')) return 'id';
  if (!isNullableString('claimId')) return 'claimId';
  if (!AUDIT_EVENT_TYPES.includes(event.type as never)) return 'type';
  const actor = event.actor as Record<string, unknown> | null;
  if (typeof actor !== 'object' || actor === null || typeof actor.id !== 'string') return 'actor';
  if (!isString('at')) return 'at';
  if (!isNullableString('fromStatus')) return 'fromStatus';
  if (!isNullableString('toStatus')) return 'toStatus';
  if (!isNullableString('rationale')) return 'rationale';
  if (typeof event.data !== 'object' || event.data === null || Array.isArray(event.data))
    return 'data';
  if (!isString('prevHash') || !HEX64.test(event.prevHash as string)) return 'prevHash';
  if (!isString('hash') || !HEX64.test(event.hash as string)) return 'hash';
  return undefined;
}

// Reads a digest file's JSON into a digest, or says what is wrong with it.
export function parseDigest(value: unknown): AuditDigest {
  const digest = value as AuditDigest | null;
  const valid =
    typeof digest === 'object' &&
    digest !== null &&
    typeof digest.asOf === 'string' &&
    typeof digest.seq === 'string' &&
    typeof digest.root === 'string' &&
    (digest.signature === undefined || typeof digest.signature === 'string') &&
    Array.isArray(digest.chains) &&
    digest.chains.every(
      (head) =>
        typeof head?.chain === 'string' &&
        typeof head.seq === 'string' &&
        typeof head.head === 'string',
    );
  if (!valid) throw new Error('the digest file is not a claimdesk audit digest');
  return digest;
}
