import { GENESIS_HASH } from './audit-event.js';

// The SQL that appends audit events, shared by AuditAppendService and the benchmark's baseline so
// the two can never drift apart. Pure: no framework, no connection.

// The hash of a chain's newest event (none for an empty chain), given the placeholder that
// binds the chain. The one chain-head query: used alone, under the claim lock and in the
// checked insert below.
export const chainHeadQuery = (chain: string) =>
  `SELECT hash FROM audit_events WHERE chain = ${chain} ORDER BY seq DESC LIMIT 1`;

export const CHAIN_HEAD_SQL = chainHeadQuery('$1');

const EVENT_COLUMNS = `id, chain, claim_id, type, actor_id, actor, at, from_status, to_status,
          rationale, data, prev_hash, hash`;

// A VALUES list under SELECT is not typed by the target columns, so each value says its type.
const CASTS = [
  '::uuid',
  '::text',
  '::uuid',
  '::text',
  '::uuid',
  '::jsonb',
  '::timestamptz',
  '::text',
  '::text',
  '::text',
  '::jsonb',
  '::char(64)',
  '::char(64)',
];

// The VALUES list of `count` events whose parameters start at $`first`.
function valuesOf(count: number, first: number): string {
  const rows = Array.from(
    { length: count },
    (_, row) =>
      `(${CASTS.map((cast, index) => `$${first + row * CASTS.length + index}${cast}`).join(', ')})`,
  );
  return `VALUES ${rows.join(',\n              ')}`;
}

// Whether the chain bound by the placeholder `chain` still ends at the hash bound by
// `expected` (the genesis hash for an empty chain), read by the statement itself.
export const chainHeadIs = (chain: string, expected: string) =>
  `coalesce((${chainHeadQuery(chain)}), '${GENESIS_HASH}') = ${expected}`;

// One INSERT for `count` events, whose parameters come from eventParameters() in order.
// With `checkHead`, one more parameter follows: the head the caller expects; the statement
// inserts nothing unless the chain's head, read by itself, is still that.
export function insertEventsSql(count: number, checkHead: boolean): string {
  const values = valuesOf(count, 1);
  if (!checkHead) {
    return `INSERT INTO audit_events (${EVENT_COLUMNS})
       ${values}
       RETURNING id, seq`;
  }
  // $2 is the first event's chain.
  return `INSERT INTO audit_events (${EVENT_COLUMNS})
       SELECT * FROM (${values}) AS e
        WHERE ${chainHeadIs('$2', `$${count * CASTS.length + 1}`)}
       RETURNING id, seq`;
}

// The same INSERT as one part of a statement of the room that owns the change: a
// data-modifying CTE (`WITH change AS (UPDATE …), events AS (<this>) …`) writes the change
// and its events in one statement, so both commit or neither, without BEGIN and COMMIT.
// The events' parameters, from eventParameters() in order, start at $`first`; the insert
// happens only if the SQL condition `when` holds (e.g. that the change's CTE wrote its row).
// The events must be linked to the chain's head: the caller checks it in the same
// statement (chainHeadIs), and the unique (chain, prev_hash) refuses a second event on
// the same head, should another transaction append between that read and this insert.
export function insertEventsPart(count: number, first: number, when: string): string {
  return `INSERT INTO audit_events (${EVENT_COLUMNS})
       SELECT * FROM (${valuesOf(count, first)}) AS e
        WHERE ${when}
       RETURNING id, seq`;
}

// How many parameters eventParameters() gives each event.
export const EVENT_PARAMETER_COUNT = CASTS.length;

export interface EventRowValues {
  id: string;
  claimId: string | null;
  type: string;
  actor: { id: string };
  at: string;
  fromStatus: string | null;
  toStatus: string | null;
  rationale: string | null;
  data: unknown;
  prevHash: string;
  hash: string;
}

// The parameters of one event, in the column order of insertEventsSql().
export const eventParameters = (chain: string, event: EventRowValues): unknown[] => [
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
  event.hash,
];
