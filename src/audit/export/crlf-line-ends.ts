const QUOTE = 0x22;
const NEWLINE = 0x0a;
const CRLF = Buffer.from('\r\n');

// PostgreSQL's CSV ends records with LF; RFC 4180 wants CRLF. A record ends at a newline
// outside quotes (a doubled quote inside a cell toggles twice, so the count stays right),
// while newlines inside quoted cells are data and stay as they are.
export function crlfConverter(): (chunk: Buffer) => Buffer {
  let inQuotes = false;
  return (chunk) => {
    const parts: Buffer[] = [];
    let start = 0;
    let position = 0;
    let nextQuote = chunk.indexOf(QUOTE, position);
    let nextNewline = chunk.indexOf(NEWLINE, position);
    while (position < chunk.length) {
      if (inQuotes) {
        if (nextQuote < 0) break;
        inQuotes = false;
        position = nextQuote + 1;
      } else if (nextNewline >= 0 && (nextQuote < 0 || nextNewline < nextQuote)) {
        parts.push(chunk.subarray(start, nextNewline), CRLF);
        start = position = nextNewline + 1;
      } else if (nextQuote >= 0) {
        inQuotes = true;
        position = nextQuote + 1;
      } else break;
      if (nextQuote >= 0 && nextQuote < position) nextQuote = chunk.indexOf(QUOTE, position);
      if (nextNewline >= 0 && nextNewline < position) {
        nextNewline = chunk.indexOf(NEWLINE, position);
      }
    }
    parts.push(chunk.subarray(start));
    return parts.length === 1 ? chunk : Buffer.concat(parts);
  };
}
