import type { EntityManager } from 'typeorm';
import { timestampKey } from '../common/pagination/cursor.js';
import type { ClaimantType } from '../domain/publication.js';
import type { ClaimantView } from './dto/claimant.view.js';

// The claimants tables' statements. A claimant's name and aliases are also rows of
// claimant_names (one per name, with the claimant's type), which carry the unique index
// (type, lower(name)) and the trigram index the search and suggestions use.

// A suggestion on submit: the free-text claimant is one of the claimant's names in any
// case, or nearly (trigram similarity ≥ 0.5: "Mayor Vadym Boychenko" names
// "Vadym Boychenko"), each claimant once by its best matching name or alias, at most 5.
// Only `%`, which the trigram index serves, picks the candidates. Parameter: the text.
const SUGGESTION_SIMILARITY = 0.5;
const MAX_SUGGESTIONS = 5;
export const CLAIMANT_SUGGESTIONS_SQL = `SELECT id, name, type, matched, score AS similarity
  FROM (SELECT DISTINCT ON (c.id) c.id, c.name, c.type, n.name AS matched,
               CASE WHEN lower(n.name) = lower($1) THEN 1
                    ELSE round(similarity(n.name, $1)::numeric, 3)::float8 END AS score
          FROM claimant_names n JOIN claimants c ON c.id = n.claimant_id
         WHERE n.name % $1
         ORDER BY c.id, score DESC, n.name) best
 WHERE score >= ${SUGGESTION_SIMILARITY}
 ORDER BY score DESC, name, id
 LIMIT ${MAX_SUGGESTIONS}`;

export const CLAIMANT_COLUMNS = `
  c.id, c.name, c.type, c.aliases, c.same_as, c.description, c.version, c.created_by,
  c.created_at, c.updated_at, ${timestampKey('c.created_at')} AS created_key`;

export interface ClaimantRow {
  id: string;
  name: string;
  type: ClaimantType;
  aliases: string[];
  same_as: string[];
  description: string | null;
  version: number;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  created_key: string;
}

export const toClaimantView = (row: ClaimantRow): ClaimantView => ({
  id: row.id,
  name: row.name,
  type: row.type,
  aliases: row.aliases,
  sameAs: row.same_as,
  description: row.description,
  version: row.version,
  createdBy: row.created_by,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export async function findClaimantRow(
  manager: EntityManager,
  id: string,
  lock = false,
): Promise<ClaimantRow | undefined> {
  const [row] = (await manager.query(
    `SELECT ${CLAIMANT_COLUMNS} FROM claimants c WHERE c.id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  )) as ClaimantRow[];
  return row;
}

// Which of `names` another claimant of `type` is already known by (any case), and by whom.
export async function findTakenNames(
  manager: EntityManager,
  type: ClaimantType,
  names: string[],
  exceptClaimantId: string | null,
): Promise<{ name: string; claimantId: string; claimantName: string }[]> {
  return (await manager.query(
    `SELECT n.name, n.claimant_id AS "claimantId", c.name AS "claimantName"
       FROM claimant_names n JOIN claimants c ON c.id = n.claimant_id
      WHERE n.type = $1 AND lower(n.name) = ANY(SELECT lower(x) FROM unnest($2::text[]) x)
        AND n.claimant_id IS DISTINCT FROM $3::uuid
      ORDER BY n.name`,
    [type, names, exceptClaimantId],
  )) as { name: string; claimantId: string; claimantName: string }[];
}

// Replaces the claimant's rows in claimant_names with its current name and aliases.
export async function writeNames(
  manager: EntityManager,
  claimant: { id: string; type: ClaimantType; name: string; aliases: string[] },
): Promise<void> {
  await manager.query('DELETE FROM claimant_names WHERE claimant_id = $1', [claimant.id]);
  await manager.query(
    `INSERT INTO claimant_names (claimant_id, type, name, is_alias)
     SELECT $1, $2, name, ordinality > 1 FROM unnest($3::text[]) WITH ORDINALITY AS n (name)`,
    [claimant.id, claimant.type, [claimant.name, ...claimant.aliases]],
  );
}
