import { describe, expect, it } from '@jest/globals';
import { normalizeSourceUrl } from './source-url.js';

describe(normalizeSourceUrl.name, () => {
  it('lower-cases the scheme and host but keeps the path as written', () => {
    expect(normalizeSourceUrl('HTTPS://News.UN.org/en/Story/2022/03/1113152')).toBe(
      'https://news.un.org/en/Story/2022/03/1113152',
    );
  });

  it('drops the fragment', () => {
    expect(normalizeSourceUrl('https://example.org/report#page=3')).toBe(
      'https://example.org/report',
    );
  });

  it('drops utm_*, fbclid and gclid but keeps other parameters in order', () => {
    expect(
      normalizeSourceUrl(
        'https://example.org/a?utm_source=x&id=7&UTM_Medium=y&fbclid=abc&lang=en&gclid=1',
      ),
    ).toBe('https://example.org/a?id=7&lang=en');
  });

  it('leaves no dangling question mark when only tracking parameters were present', () => {
    expect(normalizeSourceUrl('https://example.org/a?utm_source=x')).toBe('https://example.org/a');
    expect(normalizeSourceUrl('https://example.org/a?')).toBe('https://example.org/a');
  });

  it('does not re-encode a query that has nothing to drop', () => {
    expect(normalizeSourceUrl('https://example.org/search?q=a%20b')).toBe(
      'https://example.org/search?q=a%20b',
    );
  });

  it('maps the same page reached through different links to one URL', () => {
    const forms = [
      'https://www.Reuters.com/world/europe/story?utm_campaign=share',
      'https://www.reuters.com/world/europe/story#comments',
      'https://WWW.REUTERS.COM/world/europe/story?fbclid=IwAR0',
    ];
    expect(new Set(forms.map(normalizeSourceUrl)).size).toBe(1);
  });

  it('refuses anything but http and https', () => {
    expect(() => normalizeSourceUrl('ftp://example.org/file')).toThrow(TypeError);
    expect(() => normalizeSourceUrl('javascript:alert(1)')).toThrow(TypeError);
  });
});
