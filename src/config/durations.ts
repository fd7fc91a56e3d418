const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
const MAX_DURATION_MS = 7 * 24 * 3_600_000;

// "10s,1m,5m" → [10000, 60000, 300000]; undefined when any part is not a duration with a
// unit (ms, s, m, h) of at most a week, or the list is empty or longer than 20.
export function parseDurationList(text: string): number[] | undefined {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length === 0 || parts.length > 20) return undefined;
  const durations: number[] = [];
  for (const part of parts) {
    const match = /^(\d{1,9})(ms|s|m|h)$/.exec(part);
    if (!match) return undefined;
    const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
    if (ms > MAX_DURATION_MS) return undefined;
    durations.push(ms);
  }
  return durations;
}
