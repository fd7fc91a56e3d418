import { describe, expect, it } from '@jest/globals';
import type { AuthenticatedRequest } from './decorators.js';
import {
  confirmingIdentity,
  identityCheckParameters,
  RecentLookups,
  REMEMBER_AT_MOST,
  REMEMBER_FOR_MS,
  UnconfirmedIdentityError,
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

describe('confirmingIdentity', () => {
  const remembered = { ...user('a'), remembered: true };
  const found = { ...user('a'), name: 'Renamed' };
  // A write whose statement never confirms the identity it was given, counting its runs.
  const neverConfirmed = () => {
    let runs = 0;
    return {
      run: async (): Promise<never> => {
        runs++;
        throw new UnconfirmedIdentityError();
      },
      count: () => runs,
    };
  };
  const requestWith = (confirm?: () => Promise<AuthUser>) => {
    const lookups: AuthUser[] = [];
    const request = {
      user: remembered,
      confirmIdentity:
        confirm &&
        (async () => {
          const confirmed = await confirm();
          lookups.push(confirmed);
          return confirmed;
        }),
    } as unknown as AuthenticatedRequest;
    return { request, lookups };
  };

  it('runs the write for the remembered identity, with no lookup, when its statement confirms it', async () => {
    const { request, lookups } = requestWith(async () => found);
    const users: AuthUser[] = [];
    const answer = await confirmingIdentity(request, async (who) => {
      users.push(who);
      return 'written';
    });
    expect(answer).toBe('written');
    expect(users).toEqual([remembered]);
    expect(lookups).toEqual([]);
  });

  it('looks the token up and runs the write once more, for the identity found, when it does not', async () => {
    const { request, lookups } = requestWith(async () => found);
    const users: AuthUser[] = [];
    const answer = await confirmingIdentity(request, async (who) => {
      users.push(who);
      if (who.remembered) throw new UnconfirmedIdentityError();
      return 'written';
    });
    expect(answer).toBe('written');
    expect(users).toEqual([remembered, found]);
    expect(lookups).toEqual([found]);
  });

  it("answers the lookup's refusal (a revoked token, a role taken away) without writing again", async () => {
    const refused = new Error('401');
    const { request } = requestWith(() => Promise.reject(refused));
    const write = neverConfirmed();
    const attempt = confirmingIdentity(request, write.run);
    await expect(attempt).rejects.toBe(refused);
    expect(write.count()).toBe(1);
  });

  it('tries once only, and lets every other error through untouched', async () => {
    const { request, lookups } = requestWith(async () => found);
    const write = neverConfirmed();
    const again = confirmingIdentity(request, write.run);
    await expect(again).rejects.toBeInstanceOf(UnconfirmedIdentityError);
    expect(write.count()).toBe(2);
    expect(lookups).toEqual([found]);

    const other = new Error('no such claim');
    const second = requestWith(async () => found);
    await expect(confirmingIdentity(second.request, () => Promise.reject(other))).rejects.toBe(
      other,
    );
    expect(second.lookups).toEqual([]);
  });
});
