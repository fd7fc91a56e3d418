// When to try again after the n-th failed attempt (0-based): the configured step with
// ±20 % jitter, so a receiver that comes back is not hit by every queued delivery at once.
// Undefined once the schedule is exhausted: the delivery has failed.
export function nextRetryDelayMs(
  scheduleMs: number[],
  failedAttempts: number,
  random: () => number = Math.random,
): number | undefined {
  const step = scheduleMs[failedAttempts - 1];
  if (step === undefined) return undefined;
  return Math.round(step * (0.8 + 0.4 * random()));
}
