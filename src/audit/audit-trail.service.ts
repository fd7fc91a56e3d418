import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  AuditActor,
  AuditEvent,
  AuditEventType,
  chainOf,
  GENESIS_HASH,
  HashedAuditEvent,
  SYSTEM_CHAIN,
} from './audit-event.js';
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

// Any fixed key; the system chain (users and tokens) is the only one serialised this way.
const SYSTEM_CHAIN_LOCK = 4_172_002;

// Appends hash-chained events inside the caller's transaction, so a change and its event
// commit together or not at all. Chains are per claim: the caller already holds the
// claim's row lock, so appending needs no global lock and claims never wait on each other.
@Injectable()
export class AuditTrail {
  async append(manager: EntityManager, input: NewAuditEvent): Promise<AuditEvent> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('audit events are appended inside the transaction of their change');
    }
    const chain = chainOf(input.claimId);
    if (chain === SYSTEM_CHAIN) {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SYSTEM_CHAIN_LOCK]);
    }
    const [head] = (await manager.query(
      'SELECT hash FROM audit_events WHERE chain = $1 ORDER BY seq DESC LIMIT 1',
      [chain],
    )) as { hash: string }[];

    const event: HashedAuditEvent = {
      id: randomUUID(),
      claimId: input.claimId,
      type: input.type,
      actor: { id: input.actor.id, name: input.actor.name, roles: [...input.actor.roles] },
      at: new Date().toISOString(),
      fromStatus: input.fromStatus ?? null,
      toStatus: input.toStatus ?? null,
      rationale: input.rationale ?? null,
      data: input.data ?? {},
      prevHash: head?.hash ?? GENESIS_HASH,
    };
    const hash = hashAuditEvent(event);
    const [row] = (await manager.query(
      `INSERT INTO audit_events
         (id, chain, claim_id, type, actor_id, actor, at, from_status, to_status, rationale,
          data, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       RETURNING seq`,
      [
        event.id,
        chain,
        event.claimId,
        event.type,
        event.actor.id,
        JSON.stringify(event.actor),
        event.at,
        event.fromStatus,
        event.toStatus,
        event.rationale,
        JSON.stringify(event.data),
        event.prevHash,
        hash,
      ],
    )) as { seq: string }[];
    return { ...event, seq: String(row.seq), hash };
  }
}
