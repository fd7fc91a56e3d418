import { describe, expect, it } from '@jest/globals';
import {
  canonicalLanguageTag,
  COMMON_LANGUAGES,
  TEXT_SEARCH_CONFIG_NAMES,
  textSearchConfigOf,
} from '../domain/languages.js';

describe('canonicalLanguageTag', () => {
  it('answers the canonical form of a BCP 47 tag', () => {
    expect(canonicalLanguageTag('uk')).toBe('uk');
    expect(canonicalLanguageTag('EN-us')).toBe('en-US');
    expect(canonicalLanguageTag('ukr')).toBe('uk');
    expect(canonicalLanguageTag('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(canonicalLanguageTag('es-419')).toBe('es-419');
  });

  it('refuses what is not a tag, or names no language', () => {
    for (const value of ['', 'english', 'en_US', 'en-', 'x-private', 'i-klingon', '12', 'a']) {
      expect({ value, tag: canonicalLanguageTag(value) }).toEqual({ value, tag: undefined });
    }
    expect(canonicalLanguageTag(`en-${'a'.repeat(70)}`)).toBeUndefined();
  });
});

describe('textSearchConfigOf', () => {
  it('picks the stemming configuration by primary language, simple otherwise', () => {
    expect(textSearchConfigOf('es-419')).toBe('spanish');
    expect(textSearchConfigOf('ru')).toBe('russian');
    expect(textSearchConfigOf('en-GB')).toBe('english');
    expect(textSearchConfigOf('nb')).toBe('norwegian');
    expect(textSearchConfigOf('uk')).toBe('simple');
    expect(textSearchConfigOf('zh-Hant')).toBe('simple');
  });

  it('names only configurations PostgreSQL 15 ships', () => {
    const postgres15 =
      'arabic armenian basque catalan danish dutch english finnish french german greek hindi ' +
      'hungarian indonesian irish italian lithuanian nepali norwegian portuguese romanian ' +
      'russian serbian simple spanish swedish tamil turkish yiddish';
    for (const name of TEXT_SEARCH_CONFIG_NAMES) expect(postgres15.split(' ')).toContain(name);
  });

  it('offers the desk only canonical tags', () => {
    for (const { tag } of COMMON_LANGUAGES) expect(canonicalLanguageTag(tag)).toBe(tag);
  });
});
