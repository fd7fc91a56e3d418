import { describe, expect, it } from '@jest/globals';
import { isoFromUtcText } from './utc-text.js';

describe('isoFromUtcText', () => {
  it('prints what Date#toISOString prints for the same instant', () => {
    const cases: [string, string][] = [
      ['2026-12-04 04:27:11.019123', '2026-12-04T04:27:11.019Z'],
      ['2026-12-04 04:27:11.0195', '2026-12-04T04:27:11.019Z'],
      ['2026-12-04 04:27:11.01', '2026-12-04T04:27:11.010Z'],
      ['2026-12-04 04:27:11.5', '2026-12-04T04:27:11.500Z'],
      ['2026-12-04 04:27:11', '2026-12-04T04:27:11.000Z'],
      ['0001-01-01 00:00:00', '0001-01-01T00:00:00.000Z'],
      ['9999-12-31 23:59:59.999999', '9999-12-31T23:59:59.999Z'],
    ];
    for (const [text, iso] of cases) {
      expect(isoFromUtcText(text)).toBe(iso);
      // pg's own reading of the same instant, the Date the view used to print
      expect(isoFromUtcText(text)).toBe(
        new Date(Date.parse(`${text.replace(' ', 'T').slice(0, 23)}Z`)).toISOString(),
      );
    }
  });

  it('reads every millisecond and microsecond digit as PostgreSQL prints it', () => {
    for (let micros = 0; micros < 1_000_000; micros += 997) {
      const fraction = String(micros).padStart(6, '0').replace(/0+$/, '');
      const text = `2026-03-01 12:00:00${fraction ? `.${fraction}` : ''}`;
      const millis = Math.floor(micros / 1000);
      expect(isoFromUtcText(text)).toBe(
        new Date(Date.UTC(2026, 2, 1, 12, 0, 0, millis)).toISOString(),
      );
    }
  });
});
