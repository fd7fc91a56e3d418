import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { crlfLineEnds } from './crlf-line-ends.js';

const through = async (chunks: string[]) => {
  const output: Buffer[] = [];
  for await (const chunk of Readable.from(chunks.map((c) => Buffer.from(c))).pipe(crlfLineEnds())) {
    output.push(chunk as Buffer);
  }
  return Buffer.concat(output).toString('utf8');
};

describe(crlfLineEnds.name, () => {
  it('ends records with CRLF and keeps newlines inside quoted cells', async () => {
    const csv = 'seq,rationale\n1,"Two lines:\nfirst, ""second"""\n2,plain\n';
    const out = await through([csv]);
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
      expect(await through(chunks)).toBe(expected);
    }
  });
});
