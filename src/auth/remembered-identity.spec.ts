import { describe, expect, it } from '@jest/globals';
import {
  identityCheckParameters,
  RecentLookups,
  REMEMBER_AT_MOST,
  REMEMBER_FOR_MS,
} from './remembered-identity.js';
import type { AuthUser } from './role.js';

const user = (id: string): AuthUser => ({
  id,
  name: `User ${id}`,
  email: `${id}@newsroom.test`,
  roles: ['editor'],
  tokenId: `token-${id}`,
});

describe('RecentLookups', () => {
  it('recalls a lookup, marked remembered, only while it is recent', () => {
    let now = 1_000_000;
    const recent = new RecentLookups(() => now);
    recent.remember('hash-a', user('a'));

    expect(recent.recall('hash-a')).toEqual({ ...user('a'), remembered: true });
    now += REMEMBER_FOR_MS;
    expect(recent.recall('hash-a')?.id).toBe('a');
    now += 1;
    expect(recent.recall('hash-a')).toBeUndefined();
  });

  it('hands out copies: a caller changing its user changes nothing remembered', () => {
    const recent = new RecentLookups();
    recent.remember('hash-a', user('a'));
    recent.recall('hash-a')!.roles.push('admin');
    expect(recent.recall('hash-a')!.roles).toEqual(['editor']);
  });

  it('forgets a token, and keeps at most REMEMBER_AT_MOST, the oldest going first', () => {
    const recent = new RecentLookups();
    for (let index = 0; index <= REMEMBER_AT_MOST; index++) {
      recent.remember(`hash-${index}`, user(String(index)));
    }
    expect(recent.recall('hash-0')).toBeUndefined();
    expect(recent.recall('hash-1')?.id).toBe('1');
    expect(recent.recall(`hash-${REMEMBER_AT_MOST}`)?.id).toBe(String(REMEMBER_AT_MOST));

    recent.forget('hash-1');
    expect(recent.recall('hash-1')).toBeUndefined();
  });
});

describe('identityCheckParameters', () => {
  it('binds a remembered identity for the statement to check, and nothing otherwise', () => {
    const remembered = { ...user('a'), remembered: true as const };
    expect(identityCheckParameters(remembered)).toEqual(['token-a', 'a', 'User a', ['editor']]);
    expect(identityCheckParameters(user('a'))).toEqual([]);
  });
});
