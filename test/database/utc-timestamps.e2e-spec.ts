import { describe, expect, it } from '@jest/globals';
import { isoFromUtcText, utcText } from '../../src/database/utc-text.js';
import { withDatabase } from '../support/database.js';

// Claim timestamps are selected as UTC text and printed by slicing (src/database/utc-text.ts).
// The text must not depend on the session's TimeZone, which is the server's default unless
// set: a newsroom's PostgreSQL may well run in Kyiv or Kathmandu time.
describe('timestamps read as UTC text', () => {
  it('print the instant Date would, whatever the session time zone', async () => {
    const rows = await withDatabase(async (db) => {
      await db.query(`SET TimeZone = 'Asia/Kathmandu'`);
      const { rows } = await db.query<{ text: string; micros: string }>(
        `SELECT ${utcText('t')} AS text, (extract(epoch FROM t) * 1000000)::bigint::text AS micros
           FROM (VALUES ('2026-03-29 01:30:00.123456+00'::timestamptz),
                        ('2026-10-25 00:59:59.9999+01'),
                        ('2026-12-04 05:45:00+05:45'),
                        ('0001-01-01 00:00:00+00'),
                        (now())) AS v(t)`,
      );
      return rows;
    });
    expect(rows).toHaveLength(5);
    for (const { text, micros } of rows) {
      const millis = Number(BigInt(micros) / 1000n - (BigInt(micros) % 1000n < 0n ? 1n : 0n));
      expect(isoFromUtcText(text)).toBe(new Date(millis).toISOString());
    }
  });
});
