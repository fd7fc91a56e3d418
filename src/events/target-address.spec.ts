import { describe, expect, it } from '@jest/globals';
import { escapeMrkdwn } from './message-body.js';
import { isPrivateAddress, urlProblem } from './target-address.js';
import { generateSecret, isValidSecret, SecretBox } from './webhook-secret.js';

describe('webhook targets', () => {
  it('tells private and loopback addresses from public ones', () => {
    for (const address of [
      '127.0.0.1',
      '10.2.3.4',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '0.0.0.0',
      '100.64.0.1',
    ]) {
      expect({ address, private: isPrivateAddress(address) }).toEqual({ address, private: true });
    }
    for (const address of ['93.184.216.34', '2606:4700::6810:85e5', '8.8.8.8']) {
      expect({ address, private: isPrivateAddress(address) }).toEqual({ address, private: false });
    }
  });

  it('requires https unless private targets are allowed', () => {
    expect(urlProblem('http://example.org/hook', false)).toBe('must be an https URL');
    expect(urlProblem('http://example.org/hook', true)).toBeUndefined();
    expect(urlProblem('https://user:pw@example.org/', false)).toBe('must not contain credentials');
    expect(urlProblem('ftp://example.org/', true)).toBe('must be an http or https URL');
  });
});

describe('Slack text', () => {
  it('escapes what mrkdwn gives a meaning', () => {
    expect(escapeMrkdwn('a < b & c > d <@U123>')).toBe('a &lt; b &amp; c &gt; d &lt;@U123&gt;');
  });
});

describe('webhook secrets', () => {
  it('generates Standard Webhooks secrets and seals them reversibly', () => {
    const secret = generateSecret();
    expect(isValidSecret(secret)).toBe(true);
    const box = new SecretBox('k'.repeat(32));
    const sealed = box.seal(secret);
    expect(sealed).not.toContain(secret.slice(6));
    expect(box.open(sealed)).toBe(secret);
    expect(() => new SecretBox('other'.repeat(8)).open(sealed)).toThrow(
      /another WEBHOOK_SECRET_KEY/,
    );
  });
});
