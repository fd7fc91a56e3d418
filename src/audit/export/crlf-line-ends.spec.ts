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

// As COPY writes the export: a header, then records whose last cell, the hash, is always
// quoted. The rationales hold what could be mistaken for a record's end.
const RATIONALES = [
  'Two lines:\nfirst, "second"',
  '\nstarts with a newline',
  'ends with a quote"\nthen a line',
  'hex before a quote: beef"\nand a newline',
  'a cell that ends in a newline\n',
  '"\n"',
];
const HASH = 'a'.repeat(60) + '09ef';
const cell = (text: string) => `"${text.replaceAll('"', '""')}"`;
const COPY_CSV =
  'seq,rationale,data,hash\n' +
  RATIONALES.map(
    (text, index) => `${index + 1},${cell(text)},"{""n"": ${index}}","${HASH}"\n`,
  ).join('') +
  `${RATIONALES.length + 1},,"{}","${HASH}"\n`;

describe(crlfConverter.name, () => {
  it('ends the header and every record with CRLF and keeps newlines inside quoted cells', async () => {
    const out = through([COPY_CSV]);
    expect(out.match(/\r\n/g)).toHaveLength(RATIONALES.length + 2);
    expect(out.replaceAll('\r\n', '\n')).toBe(COPY_CSV);
    const records = parse(out, { columns: true, record_delimiter: '\r\n' }) as Record<
      string,
      string
    >[];
    expect(records.map((record) => record.rationale)).toEqual([...RATIONALES, '']);
    expect(records.every((record) => record.hash === HASH)).toBe(true);
  });

  it('finds the same record ends however the bytes are split into chunks', async () => {
    const expected = through([COPY_CSV]);
    for (let size = 1; size <= 40; size++) {
      expect(through(chunked(COPY_CSV, size))).toBe(expected);
    }
  });

  it('passes a chunk with no record end through as it is', async () => {
    const convert = crlfConverter();
    convert(Buffer.from('seq,hash\n'));
    const chunk = Buffer.from('1,"a "" b\n');
    expect(convert(chunk)).toBe(chunk);
  });
});
