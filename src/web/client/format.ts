const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});
const date = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));
export const formatDate = (iso: string) => date.format(new Date(iso));
// "1 event", "3 events": the desk's English counts.
export const countOf = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
export const shortHash = (hash: string) => `${hash.slice(0, 10)}…`;

// Characters as the service and PostgreSQL count them (code points, not UTF-16 units).
export const characterCount = (text: string) => [...text].length;

// The first `n` characters of a text, counted as characterCount does, so a cut never falls
// inside an emoji's surrogate pair; with `ellipsis`, "…" marks a cut.
export function firstCharacters(text: string, n: number, ellipsis = false): string {
  const characters = [...text];
  if (characters.length <= n) return text;
  const kept = characters.slice(0, n).join('');
  return ellipsis ? `${kept.trimEnd()}…` : kept;
}
