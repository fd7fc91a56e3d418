import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../problem/domain-error.js';
import { assertVersionMatches, parseIfMatch } from './etag.js';

const codeOf = (action: () => unknown) => {
  try {
    action();
    return 'ok';
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe(parseIfMatch.name, () => {
  it('reads strong, weak and listed entity tags', () => {
    expect(parseIfMatch('"3"', true)).toEqual({ any: false, versions: [3] });
    expect(parseIfMatch('W/"3"', true)).toEqual({ any: false, versions: [3] });
    expect(parseIfMatch('"3", "4"', true)).toEqual({ any: false, versions: [3, 4] });
  });

  it('answers 428 when missing where required, or * where a version is needed', () => {
    expect(codeOf(() => parseIfMatch(undefined, true))).toBe('precondition-required');
    expect(codeOf(() => parseIfMatch('*', true))).toBe('precondition-required');
    expect(parseIfMatch(undefined, false)).toBeUndefined();
    expect(parseIfMatch('*', false)).toEqual({ any: true });
  });

  it('treats a tag that is not a version as never matching (412)', () => {
    expect(codeOf(() => parseIfMatch('"abc"', true))).toBe('stale-version');
    expect(codeOf(() => parseIfMatch('3', true))).toBe('stale-version');
  });
});

describe(assertVersionMatches.name, () => {
  it('passes a matching or absent precondition and refuses a stale one with the current ETag', () => {
    expect(codeOf(() => assertVersionMatches({ any: false, versions: [2] }, 2))).toBe('ok');
    expect(codeOf(() => assertVersionMatches(undefined, 2))).toBe('ok');
    try {
      assertVersionMatches({ any: false, versions: [1] }, 2);
    } catch (error) {
      expect((error as DomainError).options.headers).toEqual({ etag: '"2"' });
    }
    expect.assertions(3);
  });
});
