import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../problem/domain-error.js';
import {
  CHECKED_WHOLE_UP_TO,
  JsonShapeCheck,
  MAX_JSON_DEPTH,
  MAX_JSON_ITEMS,
  refuseMisshapenBody,
} from './json-shape.js';

// The text's shape, pushed in pieces of `pieceLength` bytes as a body arrives.
const checked = (text: string, pieceLength = Infinity) => {
  const bytes = Buffer.from(text, 'utf8');
  const check = new JsonShapeCheck();
  const step = Math.min(pieceLength, bytes.length) || 1;
  for (let start = 0; start < bytes.length; start += step) {
    check.push(bytes.subarray(start, start + step));
  }
  return check;
};

describe('JsonShapeCheck', () => {
  it('counts objects and arrays but not brackets or separators inside strings', () => {
    expect(checked('{"a": [1, {"b": 2}]}').shape).toEqual({ depth: 3, separators: 3, marks: 8 });
    expect(checked('{"text": "[[[{{{ \\" ]]] :,:,"}').shape.depth).toBe(1);
    expect(checked('"plain"').shape.depth).toBe(0);
  });

  it('keeps its place in a string across pieces, an escape and a multi-byte character split between them', () => {
    const text = JSON.stringify({ text: 'Zürich: "2,000" — 北京 \\ [{', tags: ['a', 'b'] });
    const whole = checked(text).shape;
    for (const pieceLength of [1, 2, 3, 7]) expect(checked(text, pieceLength).shape).toEqual(whole);
    expect(whole).toEqual({ depth: 2, separators: 4, marks: 11 });
  });

  it('refuses nesting deeper than the limit, and says so', () => {
    const deep = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
    expect(
      checked('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)).refusal(),
    ).toBeUndefined();
    expect(checked(deep).refusal()?.message).toMatch(/nested deeper/);
    expect(checked('['.repeat(100_000)).refusal()).toBeInstanceOf(DomainError);
  });

  it('refuses more fields and items than any request needs', () => {
    const keys = (count: number) =>
      `{${Array.from({ length: count }, (_, i) => `"k${i}":0`).join(',')}}`;
    expect(checked(keys(MAX_JSON_ITEMS)).refusal()).toBeUndefined();
    expect(checked(keys(MAX_JSON_ITEMS + 1)).refusal()?.message).toMatch(/more than 1000 fields/);
    expect(checked(`[${'0,'.repeat(2 * MAX_JSON_ITEMS + 1)}0]`).refusal()).toBeInstanceOf(
      DomainError,
    );
    expect(checked(JSON.stringify({ text: ':,'.repeat(5000) })).refusal()).toBeUndefined();
  });

  it('refuses a flood of empty arrays or strings, which have no separators to count', () => {
    expect(checked('[]'.repeat(100_000)).refusal()).toBeInstanceOf(DomainError);
    expect(checked('""'.repeat(100_000)).refusal()).toBeInstanceOf(DomainError);
  });

  it('stops looking once over a limit: the rest of a refused body is only counted', () => {
    const check = new JsonShapeCheck();
    expect(check.push(Buffer.from(`[${'0,'.repeat(2 * MAX_JSON_ITEMS + 1)}`))).toBe(false);
    const before = { ...check.shape };
    expect(check.push(Buffer.from('[[[[,,,,'))).toBe(false);
    expect(check.shape).toEqual(before);
  });

  it('checks a small body whole when no stream checked it as it was read', () => {
    const deep = Buffer.from(
      '{"tags":' + '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH) + '}',
    );
    expect(deep.length).toBeLessThanOrEqual(CHECKED_WHOLE_UP_TO);
    expect(() => refuseMisshapenBody({}, deep)).toThrow(/nested deeper than 32 levels/);
    expect(() => refuseMisshapenBody({}, Buffer.from('{"text":"[[[["}'))).not.toThrow();
  });
});
