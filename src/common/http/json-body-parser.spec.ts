import { describe, expect, it } from '@jest/globals';
import { parseJsonBody } from './json-body-parser.js';

describe('parseJsonBody', () => {
  it('parses ordinary bodies', () => {
    expect(parseJsonBody('{"text":"141-5 with 35 abstentions","tags":["un"]}')).toEqual({
      text: '141-5 with 35 abstentions',
      tags: ['un'],
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
