const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const QUOTE = 0x22;

const isHexDigit = (byte: number) =>
  (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66);

// PostgreSQL's CSV ends records with LF; RFC 4180 wants CRLF, while a newline inside a
// quoted cell is data and stays as it is. Telling the two apart by tracking every quote
// took half of this process's CPU during a CSV export (the data cells are JSON, full of
// quotes), so the export asks COPY to quote its last column, the hash, always
// (FORCE_QUOTE, in CSV_COPY_OPTIONS): a record then ends with a hex digit, a quote and a newline, and nothing
// else looks like that. Inside a quoted cell a quote is always doubled, so a quote before
// a newline there follows another quote; an opening quote follows a comma. The first
// line is the header, which has no quotes.
export const CSV_COPY_OPTIONS = 'FORMAT csv, HEADER, FORCE_QUOTE (hash)';

// Turns the LF record ends of a COPY … WITH (CSV_COPY_OPTIONS) stream into CRLF.
export function crlfConverter(): (chunk: Buffer) => Buffer {
  let inHeader = true;
  // The last two bytes of the previous chunk, for a record end split between chunks.
  let previous = -1;
  let beforePrevious = -1;
  return (chunk) => {
    const byteAt = (at: number) => (at >= 0 ? chunk[at] : at === -1 ? previous : beforePrevious);
    const ends: number[] = [];
    // Newlines are few (one a record, bar those in cells), and found by memchr.
    for (let at = chunk.indexOf(NEWLINE); at >= 0; at = chunk.indexOf(NEWLINE, at + 1)) {
      if (inHeader) inHeader = false;
      else if (byteAt(at - 1) !== QUOTE || !isHexDigit(byteAt(at - 2))) continue;
      ends.push(at);
    }
    if (chunk.length > 0) {
      beforePrevious = chunk.length > 1 ? chunk[chunk.length - 2] : previous;
      previous = chunk[chunk.length - 1];
    }
    return ends.length === 0 ? chunk : withCarriageReturns(chunk, ends);
  };
}

// The chunk with a CR put before each of the newlines at `ends`.
function withCarriageReturns(chunk: Buffer, ends: number[]): Buffer {
  const output = Buffer.allocUnsafe(chunk.length + ends.length);
  let written = 0;
  let start = 0;
  for (const end of ends) {
    written += chunk.copy(output, written, start, end);
    output[written++] = CARRIAGE_RETURN;
    start = end;
  }
  chunk.copy(output, written, start);
  return output;
}
