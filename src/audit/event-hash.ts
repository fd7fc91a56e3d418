import { hash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { AuditEvent, HashedAuditEvent } from './audit-event.js';

// SHA-256 (hex) of the RFC 8785 canonical JSON of the event without `hash` and `seq`.
export function hashAuditEvent(event: HashedAuditEvent | AuditEvent): string {
  const { id, claimId, type, actor, at, fromStatus, toStatus, rationale, data, prevHash } = event;
  const hashed: HashedAuditEvent = {
    id,
    claimId,
    type,
    actor,
    at,
    fromStatus,
    toStatus,
    rationale,
    data,
    prevHash,
  };
  // One-shot hash: no Hash object per event (UTF-8, like update(text, 'utf8')).
  return hash('sha256', canonicalize(hashed)!, 'hex');
}
