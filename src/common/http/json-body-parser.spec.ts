import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../problem/domain-error.js';
import {
  jsonNestingDepth,
  MAX_JSON_DEPTH,
  MAX_JSON_ITEMS,
  parseJsonBody,
} from './json-body-parser.js';

describe('jsonNestingDepth', () => {
  it('counts objects and arrays but not brackets inside strings', () => {
    expect(jsonNestingDepth('{"a": [1, {"b": 2}]}')).toBe(3);
    expect(jsonNestingDepth('{"text": "[[[{{{ \\" ]]]"}')).toBe(1);
    expect(jsonNestingDepth('"plain"')).toBe(0);
  });
});

describe('parseJsonBody', () => {
  it('parses ordinary bodies', () => {
    expect(parseJsonBody('{"text":"141-5 with 35 abstentions","tags":["un"]}')).toEqual({
      text: '141-5 with 35 abstentions',
      tags: ['un'],
    });
  });

  it('refuses nesting deeper than the limit', () => {
    const deep = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
    expect(() => parseJsonBody(deep)).toThrow(DomainError);
    expect(() => parseJsonBody('['.repeat(100_000))).toThrow(/nested deeper/);
  });

  it('refuses bodies with more fields and items than any request needs, before parsing', () => {
    const keys = (count: number) =>
      `{${Array.from({ length: count }, (_, i) => `"k${i}":0`).join(',')}}`;
    expect(() => parseJsonBody(keys(MAX_JSON_ITEMS))).not.toThrow();
    expect(() => parseJsonBody(keys(MAX_JSON_ITEMS + 1))).toThrow(/more than 1000 fields/);
    expect(() => parseJsonBody(`[${'0,'.repeat(2 * MAX_JSON_ITEMS + 1)}0]`)).toThrow(DomainError);
    expect(parseJsonBody(JSON.stringify({ text: ':,'.repeat(5000) }))).toEqual({
      text: ':,'.repeat(5000),
    });
  });

  it('refuses prototype-pollution keys', () => {
    expect(() => parseJsonBody('{"__proto__": {"isAdmin": true}}')).toThrow(/forbidden key/);
    expect(() => parseJsonBody('{"constructor": {"prototype": {"x": 1}}}')).toThrow(
      /forbidden key/,
    );
    expect(() => parseJsonBody('{"text": "x", "constructor": 1}')).toThrow(/forbidden key/);
    expect(() => parseJsonBody('{"source": [{"prototype": 1}]}')).toThrow(/forbidden key/);
    expect(parseJsonBody('{"text": "constructor prototype __proto__"}')).toEqual({
      text: 'constructor prototype __proto__',
    });
  });

  it('refuses text that is not JSON', () => {
    expect(() => parseJsonBody('{"a":')).toThrow(/not valid JSON/);
    expect(() => parseJsonBody('  ')).toThrow(/empty/);
  });
});
