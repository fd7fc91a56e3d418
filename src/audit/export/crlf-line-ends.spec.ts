import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { crlfConverter } from './crlf-line-ends.js';

// Successive chunks through one converter, as an export's stream stage feeds it.
const through = (chunks: string[]) => {
  const convert = crlfConverter();
  return Buffer.concat(chunks.map((chunk) => convert(Buffer.from(chunk)))).toString('utf8');
};

// Every way of cutting the text into chunks of one size.
const chunked = (text: string, size: number) => text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g'))!;

// As COPY writes the export: a header, then records whose hash is always quoted and whose
// last cell, always NULL, is empty. The rationales hold what could be mistaken for a
// record's end.
const RATIONALES = [
  'Two lines:\nfirst, "second"',
  '\nstarts with a newline',
  'ends with a quote"\nthen a line',
  'hex before a quote: beef"\nand a newline',
  'hex, quote, comma: beef",\nand a newline',
  'a cell that ends in a newline\n',
  '"\n"',
  '",\n",',
];
const HASH = 'a'.repeat(60) + '09ef';
const cell = (text: string) => `"${text.replaceAll('"', '""')}"`;
const record = (index: number, rationale: string, end: string) =>
  `${index + 1},${rationale},"{""n"": ${index}}","${HASH}"${end}`;
const COPY_CSV =
  'seq,rationale,data,hash,recordEnd\n' +
  RATIONALES.map((text, index) => record(index, cell(text), ',\n')).join('') +
  record(RATIONALES.length, '', ',\n');
// RFC 4180: the same records without the empty last cell, each ended by CRLF.
const EXPECTED =
  'seq,rationale,data,hash\r\n' +
  RATIONALES.map((text, index) => record(index, cell(text), '\r\n')).join('') +
  record(RATIONALES.length, '', '\r\n');

describe(crlfConverter.name, () => {
  it('ends the header and every record with CRLF in place of the empty last cell, and keeps newlines inside quoted cells', async () => {
    const out = through([COPY_CSV]);
    expect(out).toBe(EXPECTED);
    const records = parse(out, { columns: true, record_delimiter: '\r\n' }) as Record<
      string,
      string
    >[];
    expect(Object.keys(records[0])).toEqual(['seq', 'rationale', 'data', 'hash']);
    expect(records.map((entry) => entry.rationale)).toEqual([...RATIONALES, '']);
    expect(records.every((entry) => entry.hash === HASH)).toBe(true);
  });

  it('finds the same record ends however the bytes are split into chunks', async () => {
    for (let size = 1; size <= 60; size++) {
      expect(through(chunked(COPY_CSV, size))).toBe(EXPECTED);
    }
  });

  it('changes a chunk where it lies rather than copying it', async () => {
    const convert = crlfConverter();
    convert(Buffer.from('seq,hash,recordEnd\n'));
    const chunk = Buffer.from(`1,"${HASH}",\n2,"a "" b\n`);
    const out = convert(chunk);
    expect(out).toBe(chunk);
    expect(out.toString()).toBe(`1,"${HASH}"\r\n2,"a "" b\n`);
  });

  it('writes the header alone when there are no records', async () => {
    expect(through(['seq,hash,recordEnd\n'])).toBe('seq,hash\r\n');
  });
});
