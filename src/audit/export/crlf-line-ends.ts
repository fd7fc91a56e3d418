const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;

const isHexDigit = (byte: number) =>
  (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66);

// PostgreSQL's CSV ends records with LF; RFC 4180 wants CRLF, while a newline inside a
// quoted cell is data and stays as it is. Two choices keep this cheap:
// - Record ends are told apart without tracking quotes (which took half of this process's
//   CPU: the data cells are JSON, full of quotes). COPY quotes the hash always
//   (FORCE_QUOTE), and the select ends with one more column, always NULL, which COPY
//   writes as an empty cell (audit-query.ts, CSV_COLUMNS). A record then ends with a hex
//   digit, a quote, a comma and a newline, and nothing else looks like that: inside a
//   quoted cell a quote is always doubled.
// - The CR takes the place of that last comma, so each chunk is changed where it lies:
//   no buffer allocated and no byte copied per chunk, as inserting a CR would need.
// The header line names the extra column, which goes with its comma.
export const CSV_COPY_OPTIONS = 'FORMAT csv, HEADER, FORCE_QUOTE (hash)';

const CR = Buffer.from('\r');
const HELD_COMMA = Buffer.from(',');

// Turns the record ends of a COPY … WITH (CSV_COPY_OPTIONS) stream into CRLF, changing the
// chunks it is given. The stream ends with a newline, as COPY's always does.
export function crlfConverter(): (chunk: Buffer) => Buffer {
  // The header line's chunks until its newline has come; then undefined.
  let header: Buffer[] | undefined = [];
  // The two bytes before the chunk, as COPY wrote them.
  let previous = -1;
  let beforePrevious = -1;
  // The last byte of the previous chunk, a comma that may end a record, was held back:
  // whether it becomes a CR depends on this chunk's first byte.
  let heldBack = false;

  const records = (chunk: Buffer): Buffer => {
    const byteAt = (at: number) => (at >= 0 ? chunk[at] : at === -1 ? previous : beforePrevious);
    const ends = (at: number) =>
      byteAt(at - 1) === COMMA && byteAt(at - 2) === QUOTE && isHexDigit(byteAt(at - 3));
    // Newlines are few (one a record, bar those in cells), and found by memchr.
    for (let at = chunk.indexOf(NEWLINE); at >= 0; at = chunk.indexOf(NEWLINE, at + 1)) {
      if (at > 0 && ends(at)) chunk[at - 1] = CARRIAGE_RETURN;
    }
    const held = heldBack ? (chunk[0] === NEWLINE ? CR : HELD_COMMA) : undefined;
    // The last byte is never a changed one (each is followed by its newline); the one before
    // may be a CR that was a comma, which none of the checks tells apart.
    heldBack = ends(chunk.length);
    beforePrevious = chunk.length > 1 ? chunk[chunk.length - 2] : previous;
    previous = chunk[chunk.length - 1];
    const kept = heldBack ? chunk.subarray(0, chunk.length - 1) : chunk;
    // Rare: a chunk cut between a record's last comma and its newline.
    return held ? Buffer.concat([held, kept]) : kept;
  };

  return (chunk) => {
    if (!header) return records(chunk);
    const newline = chunk.indexOf(NEWLINE);
    if (newline < 0) {
      header.push(chunk);
      return chunk.subarray(0, 0);
    }
    header.push(chunk.subarray(0, newline));
    const line = Buffer.concat(header).toString('utf8');
    header = undefined;
    const names = Buffer.from(`${line.slice(0, line.lastIndexOf(','))}\r\n`);
    const rest = chunk.subarray(newline + 1);
    return rest.length === 0 ? names : Buffer.concat([names, records(rest)]);
  };
}
