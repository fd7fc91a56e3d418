import { describe, expect, it } from '@jest/globals';
import { isRfc3339Date, isRfc3339Timestamp } from './timestamps.js';

describe('isRfc3339Timestamp', () => {
  it('accepts RFC 3339 dates and date-times', () => {
    for (const value of [
      '2022-03-02',
      '2024-02-29',
      '2022-03-02T18:00:00Z',
      '2022-03-02T18:00:00.123Z',
      '2022-03-02T18:00:00.123456+01:00',
      '2022-03-02T23:59:59-05:30',
    ]) {
      expect([value, isRfc3339Timestamp(value)]).toEqual([value, true]);
    }
  });

  it('refuses other ISO 8601 shapes and impossible dates', () => {
    for (const value of [
      '2022-W10-3',
      '2022-W10',
      '2026-338',
      '2026-02-30',
      '2023-02-29',
      '2022-13-01',
      '0000-01-01',
      '2022-03-02T18:00Z',
      '2022-03-02T18:00:00',
      '2022-03-02 18:00:00Z',
      '20220302T180000Z',
      '2022-03-02T24:00:00Z',
      '2022-03-02T18:00:00+0100',
      '2022-03-02T18:00:00+24:00',
      '2022-03',
      '+002022-03-02',
      '',
      42,
      null,
    ]) {
      expect([value, isRfc3339Timestamp(value)]).toEqual([value, false]);
    }
  });
});

describe('isRfc3339Date', () => {
  it('accepts a calendar day only', () => {
    expect(isRfc3339Date('2022-03-02')).toBe(true);
    expect(isRfc3339Date('2022-03-02T18:00:00Z')).toBe(false);
    expect(isRfc3339Date('2026-338')).toBe(false);
    expect(isRfc3339Date('2022-W10-3')).toBe(false);
  });
});
