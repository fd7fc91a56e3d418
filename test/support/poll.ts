import { setTimeout as sleep } from 'node:timers/promises';

// Reads `read()` every `intervalMs` until `done` holds for what it read or `timeoutMs` has
// passed, and returns the last value read: the spec asserts on it, so a wait that runs
// out fails on what was last seen rather than on a timeout.
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs, intervalMs = 100 }: { timeoutMs: number; intervalMs?: number },
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await sleep(intervalMs);
    value = await read();
  }
  return value;
}
