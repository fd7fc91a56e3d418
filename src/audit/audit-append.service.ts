import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { preparedQueryWithin } from '../database/prepared-query.js';
import { CHAIN_HEAD_SQL, eventParameters, insertEventsSql } from './audit-event-sql.js';
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

export interface AppendOptions {
  // The chain's head as the caller read it, e.g. in the statement that took the claim's row
  // lock. It saves a round trip but may be stale: that statement's snapshot predates the
  // wait for the lock, so an event committed by the previous holder (a comment, which does
  // not bump the version) is not in it. The insert therefore checks it against the head it
  // sees itself and, if they differ, appends on the real head instead.
  expectedHead?: string | null;
}

// Appends hash-chained events inside the caller's transaction, so a change and its event
// commit together or not at all. Chains are per claim: the caller already holds the
// claim's row lock, so appending needs no global lock and claims never wait on each other.
@Injectable()
export class AuditAppendService {
  async append(
    manager: EntityManager,
    input: NewAuditEvent,
    options: AppendOptions = {},
  ): Promise<AuditEvent> {
    const [event] = await this.appendMany(manager, [input], options);
    return event;
  }

  // Appends events to ONE chain, each linked to the one before it, with one INSERT. The rows
  // of a multi-row VALUES list are inserted, and take their seq, in list order, so seq
  // follows the chain.
  async appendMany(
    manager: EntityManager,
    inputs: NewAuditEvent[],
    options: AppendOptions = {},
  ): Promise<AuditEvent[]> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('audit events are appended inside the transaction of their change');
    }
    if (inputs.length === 0) return [];
    const chain = chainOf(inputs[0].claimId);
    if (inputs.some((input) => chainOf(input.claimId) !== chain)) {
      throw new Error('appendMany appends to one chain at a time');
    }
    if (chain === SYSTEM_CHAIN) {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SYSTEM_CHAIN_LOCK]);
    }
    if (options.expectedHead !== undefined) {
      const events = linkEvents(inputs, options.expectedHead ?? GENESIS_HASH);
      const inserted = await insertEvents(manager, chain, events, true);
      if (inserted) return inserted;
    }
    const events = linkEvents(inputs, await chainHead(manager, chain));
    return (await insertEvents(manager, chain, events, false))!;
  }
}

async function chainHead(manager: EntityManager, chain: string): Promise<string> {
  const [head] = await preparedQueryWithin<{ hash: string }>(manager, CHAIN_HEAD_SQL, [chain]);
  return head?.hash ?? GENESIS_HASH;
}

function linkEvents(
  inputs: NewAuditEvent[],
  prevHash: string,
): (HashedAuditEvent & { hash: string })[] {
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
      at: new Date().toISOString(),
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

// With `checkHead`, inserts nothing (and answers undefined) unless the chain's head, read
// by this statement, is still the first event's prevHash.
async function insertEvents(
  manager: EntityManager,
  chain: string,
  events: (HashedAuditEvent & { hash: string })[],
  checkHead: boolean,
): Promise<AuditEvent[] | undefined> {
  const parameters = events.flatMap((event) => eventParameters(chain, event));
  if (checkHead) parameters.push(events[0].prevHash);
  const sql = insertEventsSql(events.length, checkHead);
  const inserted = await preparedQueryWithin<{ id: string; seq: string }>(manager, sql, parameters);
  if (inserted.length === 0) return undefined;
  const seqOf = new Map(inserted.map((row) => [row.id, String(row.seq)]));
  return events.map((event) => ({ ...event, seq: seqOf.get(event.id)! }));
}
