import { describe, expect, it } from '@jest/globals';
import { inlineParameters } from './audit-query.js';

describe(inlineParameters.name, () => {
  it('inlines each value as a quoted literal', () => {
    expect(inlineParameters({ text: 'a = $1 AND b = $2', values: ['x', "it's"] })).toBe(
      "a = 'x' AND b = 'it''s'",
    );
  });

  it('never reads $1 as the start of $10', () => {
    const values = Array.from({ length: 10 }, (_, index) => `v${index + 1}`);
    expect(inlineParameters({ text: '$1 $10', values })).toBe("'v1' 'v10'");
  });

  it('inlines a literal that contains placeholders or replacement patterns as it is', () => {
    const text = 'a = $1 AND b = $2';
    expect(inlineParameters({ text, values: ["$' $& $` $$", 'y'] })).toBe(
      "a = '$'' $& $` $$' AND b = 'y'",
    );
    // The first value holds "$2": it must not be replaced by the second value.
    expect(inlineParameters({ text, values: ['$2', 'y'] })).toBe("a = '$2' AND b = 'y'");
  });
});
