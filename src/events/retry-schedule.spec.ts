import { describe, expect, it } from '@jest/globals';
import { parseDurationList } from '../config/durations.js';
import { nextRetryDelayMs } from './retry-schedule.js';

describe('retry schedule', () => {
  it('parses durations with a unit', () => {
    expect(parseDurationList('10s,1m,5m,30m,2h,6h,12h')).toEqual([
      10_000, 60_000, 300_000, 1_800_000, 7_200_000, 21_600_000, 43_200_000,
    ]);
    expect(parseDurationList('200ms, 1s')).toEqual([200, 1000]);
    for (const bad of ['', '10', '10d', '1s,,2s', '-1s', '9999999h']) {
      expect(parseDurationList(bad)).toBeUndefined();
    }
  });

  it('waits each step with at most 20 % jitter, then gives up', () => {
    const schedule = [1000, 60_000];
    expect(nextRetryDelayMs(schedule, 1, () => 0)).toBe(800);
    expect(nextRetryDelayMs(schedule, 1, () => 1)).toBe(1200);
    expect(nextRetryDelayMs(schedule, 2, () => 0.5)).toBe(60_000);
    expect(nextRetryDelayMs(schedule, 3)).toBeUndefined();
  });
});
