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

describe('hardening settings', () => {
  it('defaults: 64 kB bodies, 1 MB articles, 30 failures a minute, no trusted proxy, 30 s timeouts', () => {
    const config = new AppConfig(parseEnvironment({ PORT: '8080' }), 'postgres://x');
    expect(config.bodyLimit).toBe(64 * 1024);
    expect(config.articleBodyLimit).toBe(1024 * 1024);
    expect(config.authFailuresPerMinute).toBe(30);
    expect(config.trustProxy).toBe(false);
    expect(config.requestTimeoutMs).toBe(30_000);
    expect(config.publicBaseUrl).toBe('http://localhost:8080');
  });

  it('reads TRUST_PROXY as off, a hop count or a list of addresses and CIDR ranges', () => {
    expect(parseEnvironment({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(parseEnvironment({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(parseEnvironment({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5,::1' }).TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      '192.168.1.5',
      '::1',
    ]);
    for (const bad of ['yes', '10.0.0.0/33', 'proxy.internal', '10.0.0.1/8/8']) {
      expect(failure({ TRUST_PROXY: bad })).toMatch(/^Invalid environment: TRUST_PROXY must be/);
    }
  });

  it('accepts PUBLIC_BASE_URL only as an http(s) origin', () => {
    const config = new AppConfig(
      parseEnvironment({ PUBLIC_BASE_URL: 'https://factcheck.example.org/' }),
      'postgres://x',
    );
    expect(config.publicBaseUrl).toBe('https://factcheck.example.org');
    for (const bad of [
      'javascript://factcheck.example.org',
      'ftp://factcheck.example.org',
      'https://factcheck.example.org/desk',
      'https://user:pw@factcheck.example.org',
      'factcheck.example.org',
    ]) {
      expect(failure({ PUBLIC_BASE_URL: bad })).toMatch(
        /^Invalid environment: PUBLIC_BASE_URL must be an http\(s\) origin/,
      );
    }
  });

  it('reads NEWSROOM_LANGUAGE as a canonical BCP 47 tag, en by default', () => {
    const config = (env: NodeJS.ProcessEnv) => new AppConfig(parseEnvironment(env), 'postgres://x');
    expect(config({}).newsroomLanguage).toBe('en');
    expect(config({ NEWSROOM_LANGUAGE: 'uk' }).newsroomLanguage).toBe('uk');
    expect(config({ NEWSROOM_LANGUAGE: 'PT-br' }).newsroomLanguage).toBe('pt-BR');
    for (const bad of ['english', 'en_US', 'en-a1', 'en-', 'x-private']) {
      expect(failure({ NEWSROOM_LANGUAGE: bad })).toMatch(
        /^Invalid environment: NEWSROOM_LANGUAGE must be a BCP 47 tag/,
      );
    }
  });

  it('refuses a BOOTSTRAP_ADMIN_TOKEN no token could have', () => {
    expect(failure({ BOOTSTRAP_ADMIN_TOKEN: `cd_${'a'.repeat(43)}` })).toBe('accepted');
    expect(failure({ BOOTSTRAP_ADMIN_TOKEN: 'a'.repeat(48) })).toMatch(
      /^Invalid environment: BOOTSTRAP_ADMIN_TOKEN must look like a claimdesk token/,
    );
  });
});
