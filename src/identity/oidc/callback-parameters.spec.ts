import { describe, expect, it } from '@jest/globals';
import { isWellFormedCallback } from './callback-parameters.js';

const ISSUER = 'https://login.example.org';
const wellFormed = (query: string, sendsIss = false) =>
  isWellFormedCallback(new URLSearchParams(query), {
    issuer: ISSUER,
    authorization_response_iss_parameter_supported: sendsIss,
  });

describe('isWellFormedCallback', () => {
  it('accepts a code or an error, with or without the issuer', () => {
    expect(wellFormed('code=abc&state=s')).toBe(true);
    expect(wellFormed(`code=abc&state=s&iss=${encodeURIComponent(ISSUER)}`)).toBe(true);
    expect(wellFormed('error=access_denied&state=s')).toBe(true);
  });

  it('refuses a callback with neither a code nor an error', () => {
    expect(wellFormed('state=s')).toBe(false);
    expect(wellFormed('code=&state=s')).toBe(false);
  });

  it('refuses a repeated parameter', () => {
    expect(wellFormed('code=a&code=b&state=s')).toBe(false);
    expect(wellFormed('code=a&state=s&state=t')).toBe(false);
  });

  it('needs the issuer when the provider promises to send it', () => {
    expect(wellFormed('code=abc&state=s', true)).toBe(false);
    expect(wellFormed(`code=abc&state=s&iss=${encodeURIComponent(ISSUER)}`, true)).toBe(true);
  });

  it('refuses another issuer and tokens in the URL', () => {
    expect(wellFormed('code=a&state=s&iss=https%3A%2F%2Fevil.example')).toBe(false);
    expect(wellFormed('code=a&state=s&id_token=x')).toBe(false);
    expect(wellFormed('state=s&access_token=x')).toBe(false);
  });
});
