// Timestamps read as text, for rows turned into API views by the hundred (the claim lists
// and the review queue): pg would parse each into a Date (a regular expression and an
// allocation) only for the view to print it back as ISO 8601. Selected as UTC text, the
// same instant costs PostgreSQL no more to print and the process a few string slices.

// Select `column` (timestamptz) as PostgreSQL prints a UTC timestamp, whatever the
// session's TimeZone: `2026-12-04 04:27:11.019123` (the fraction up to microseconds,
// trailing zeros dropped, none when whole).
export const utcText = (column: string): string => `(${column} AT TIME ZONE 'UTC')::text`;

// That text as the API prints timestamps: `2026-12-04T04:27:11.019Z`, exactly what
// Date#toISOString() gives for the same instant (milliseconds, truncated). The years the
// API accepts (0001–9999) all have this shape; anything else goes through Date.
export function isoFromUtcText(text: string): string {
  const length = text.length;
  const usual =
    (length === 19 || (length >= 21 && length <= 26)) &&
    text.charCodeAt(10) === 32 &&
    (length === 19 || text.charCodeAt(19) === 46);
  if (!usual) return new Date(`${text.replace(' ', 'T')}Z`).toISOString();
  const milliseconds = length === 19 ? '000' : text.slice(20, 23).padEnd(3, '0');
  return `${text.slice(0, 10)}T${text.slice(11, 19)}.${milliseconds}Z`;
}
