import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { crlfConverter } from './crlf-line-ends.js';

// Successive chunks through one converter, as an export's stream stage feeds it.
const through = (chunks: string[]) => {
  const convert = crlfConverter();
  return Buffer.concat(chunks.map((chunk) => convert(Buffer.from(chunk)))).toString('utf8');
};

describe(crlfConverter.name, () => {
  it('ends records with CRLF and keeps newlines inside quoted cells', async () => {
    const csv = 'seq,rationale\n1,"Two lines:\nfirst, ""second"""\n2,plain\n';
    const out = through([csv]);
    expect(out).toBe('seq,rationale\r\n1,"Two lines:\nfirst, ""second"""\r\n2,plain\r\n');
    expect(parse(out, { columns: true })).toEqual([
      { seq: '1', rationale: 'Two lines:\nfirst, "second"' },
      { seq: '2', rationale: 'plain' },
    ]);
  });

  it('tracks quotes across chunk boundaries, however the bytes are split', async () => {
    const csv = 'a,b\n"x\n""y""\n",z\n"",q\n';
    const expected = 'a,b\r\n"x\n""y""\n",z\r\n"",q\r\n';
    for (let size = 1; size <= csv.length; size++) {
      const chunks = csv.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g'))!;
      expect(through(chunks)).toBe(expected);
    }
  });
});
