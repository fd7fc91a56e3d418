import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { withDatabase } from '../support/database.js';

// SPEC §9: every index a write maintains must be paid for by a query that uses it.
// bench/README.md ("Indexes on the write path") names, for every index of the schema, the
// query that needs it (or the guarantee it is); an index added or brought back without a
// row there fails here before it costs every insert, and so does a row for an index that
// no longer exists. Struck-through rows (~~name~~) are indexes dropped on purpose.
const README = readFileSync(join(import.meta.dirname, '..', '..', 'bench', 'README.md'), 'utf8');

function indexesListed(markdown: string): { listed: string[]; dropped: string[] } {
  const section = markdown.slice(
    markdown.indexOf('## Indexes on the write path'),
    markdown.indexOf('### GIN maintenance'),
  );
  const listed: string[] = [];
  const dropped: string[] = [];
  for (const line of section.split('\n')) {
    const firstCell = /^\| (.+?) \|/.exec(line)?.[1];
    if (!firstCell || !firstCell.includes('`')) continue;
    for (const [, struck, name] of firstCell.matchAll(/(~~)?`([a-z_]+)`/g)) {
      (struck ? dropped : listed).push(name!);
    }
  }
  return { listed, dropped };
}

describe('indexes on the write path', () => {
  const indexesOfSchema = () =>
    withDatabase(async (db) => {
      // Every table but the migration runner's bookkeeping.
      const { rows } = await db.query<{ name: string }>(
        `SELECT indexname AS name FROM pg_indexes
          WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'
          ORDER BY indexname`,
      );
      return rows.map((row) => row.name);
    });

  it('are exactly those bench/README.md lists, each with the query that needs it', async () => {
    const { listed } = indexesListed(README);
    expect(new Set(listed).size).toBe(listed.length);
    expect(await indexesOfSchema()).toEqual([...listed].sort());
  });

  // bench/README.md, "GIN maintenance": fastupdate stays on for the three GIN indexes of
  // claims; the word index, which every submission's duplicate lookup searches, keeps a
  // 64 kB pending list (migration 1764003000000), the others PostgreSQL's default.
  it('keep the GIN maintenance settings bench/README.md chose', async () => {
    const options = await withDatabase(async (db) => {
      const { rows } = await db.query<{ name: string; options: string[] | null }>(
        `SELECT c.relname AS name, c.reloptions AS options
           FROM pg_class c JOIN pg_am am ON am.oid = c.relam
          WHERE am.amname = 'gin' AND c.relnamespace = current_schema()::regnamespace
            AND c.relname LIKE 'claims\\_%'
          ORDER BY c.relname`,
      );
      return rows;
    });
    expect(options).toEqual([
      { name: 'claims_search_idx', options: ['gin_pending_list_limit=64'] },
      { name: 'claims_tags_idx', options: null },
      { name: 'claims_text_trgm_idx', options: null },
    ]);
  });

  it('include none of those the review dropped', async () => {
    const { dropped } = indexesListed(README);
    expect(dropped).toEqual(expect.arrayContaining(['audit_events_hash_key']));
    const present = await indexesOfSchema();
    for (const name of dropped) expect(present).not.toContain(name);
  });
});
