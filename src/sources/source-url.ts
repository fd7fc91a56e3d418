// The form in which a source URL is stored and deduplicated (SPEC §3): scheme and host in
// lower case, no fragment, no tracking parameters. Other parameters keep their order.
const TRACKING_PARAMETER = /^(utm_.*|fbclid|gclid)$/i;

export function normalizeSourceUrl(raw: string): string {
  const url = new URL(raw.trim());
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError('only http and https URLs can be sources');
  }
  url.hash = '';
  const tracking = [...url.searchParams.keys()].filter((key) => TRACKING_PARAMETER.test(key));
  // Rewriting the query re-encodes it, so it is touched only when there is something to drop.
  for (const key of new Set(tracking)) url.searchParams.delete(key);
  if (url.search === '?' || url.searchParams.size === 0) url.search = '';
  return url.href;
}
