import { randomUUID } from 'node:crypto';
import type { AuditActor, AuditEventType, HashedAuditEvent } from './audit-event.js';
import { hashAuditEvent } from './event-hash.js';

export interface NewAuditEvent {
  claimId: string | null;
  type: AuditEventType;
  actor: AuditActor;
  fromStatus?: string | null;
  toStatus?: string | null;
  rationale?: string | null;
  data?: Record<string, unknown>;
}

export type LinkedAuditEvent = HashedAuditEvent & { hash: string };

// Builds and hashes events, each linked to the one before it, the first to `prevHash`:
// every field the hash covers is known here, in the process, before any SQL runs. `at` is
// the events' time (now unless the caller stamps its change with the same instant).
export function linkEvents(
  inputs: NewAuditEvent[],
  prevHash: string,
  at: string = new Date().toISOString(),
): LinkedAuditEvent[] {
  return inputs.map((input) => {
    const event: HashedAuditEvent = {
      id: randomUUID(),
      claimId: input.claimId,
      type: input.type,
      actor: {
        id: input.actor.id,
        name: input.actor.name,
        roles: [...input.actor.roles],
        ...(input.actor.tokenId && { tokenId: input.actor.tokenId }),
        ...(input.actor.sessionId && { sessionId: input.actor.sessionId }),
      },
      at,
      fromStatus: input.fromStatus ?? null,
      toStatus: input.toStatus ?? null,
      rationale: input.rationale ?? null,
      data: input.data ?? {},
      prevHash,
    };
    prevHash = hashAuditEvent(event);
    return { ...event, hash: prevHash };
  });
}
