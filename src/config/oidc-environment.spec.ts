import { describe, expect, it } from '@jest/globals';
import { AppConfig } from './app-config.js';
import { parseEnvironment } from './environment.js';

const failure = (env: NodeJS.ProcessEnv) => {
  try {
    parseEnvironment(env);
    return 'accepted';
  } catch (error) {
    return (error as Error).message;
  }
};

const provider = (issuer: string) => ({
  OIDC_ISSUER: issuer,
  OIDC_CLIENT_ID: 'claimdesk',
  OIDC_CLIENT_SECRET: 'a-client-secret',
});

describe('OpenID Connect settings', () => {
  it('leaves OpenID Connect off when none of OIDC_* is set', () => {
    expect(new AppConfig(parseEnvironment({}), 'postgres://x').oidc).toBeUndefined();
  });

  it('builds the redirect URI from PUBLIC_BASE_URL', () => {
    const config = new AppConfig(
      parseEnvironment({
        ...provider('https://accounts.google.com'),
        PUBLIC_BASE_URL: 'https://desk.example.org/',
      }),
      'postgres://x',
    );
    expect(config.oidc).toEqual({
      issuer: 'https://accounts.google.com',
      clientId: 'claimdesk',
      clientSecret: 'a-client-secret',
      redirectUri: 'https://desk.example.org/auth/oidc/callback',
    });
  });

  it('needs all three variables or none, naming the missing ones', () => {
    expect(failure({ OIDC_ISSUER: 'https://login.example.org' })).toBe(
      'Invalid environment: OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set too ' +
        '(OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together)',
    );
    expect(failure({ OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' })).toMatch(
      /^Invalid environment: OIDC_ISSUER must be set too/,
    );
  });

  it('accepts an http issuer only on a loopback address', () => {
    for (const good of [
      'https://login.microsoftonline.com/4d3c2b1a/v2.0',
      'https://newsroom.okta.com',
      'http://127.0.0.1:8080',
      'http://localhost:9000/oidc',
      'http://[::1]:9000',
    ]) {
      expect(failure(provider(good))).toBe('accepted');
    }
    for (const bad of [
      'http://login.example.org',
      'http://10.0.0.5:8080',
      'http://127.0.0.1.example.org',
      'https://login.example.org/?tenant=1',
      'https://user:pw@login.example.org',
      'ftp://login.example.org',
      'login.example.org',
    ]) {
      expect(failure(provider(bad))).toMatch(
        /^Invalid environment: OIDC_ISSUER must be an https URL/,
      );
    }
  });
});
