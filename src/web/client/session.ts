import type { Role } from '../../domain/roles.js';
import { signal } from './signal.js';

export interface Me {
  id: string;
  name: string;
  email: string;
  roles: Role[];
}

const KEY = 'claimdesk.token';

// The token lives in sessionStorage: it survives a reload of the tab but not closing it,
// and other tabs never see it.
export const session = {
  me: signal<Me | null>(null),
  notice: signal<string | null>(null),
  token: () => sessionStorage.getItem(KEY),
  signIn(token: string, me: Me) {
    sessionStorage.setItem(KEY, token);
    session.notice.set(null);
    session.me.set(me);
  },
  signOut(notice: string | null = null) {
    sessionStorage.removeItem(KEY);
    session.notice.set(notice);
    session.me.set(null);
  },
  expired() {
    if (session.me.get()) session.signOut('Your token is no longer valid. Sign in again.');
  },
};

export const can = {
  submit: (me: Me) => hasAny(me, 'reporter', 'editor'),
  comment: (me: Me) => hasAny(me, 'reporter', 'editor'),
  review: (me: Me) => hasAny(me, 'editor'),
  audit: (me: Me) => hasAny(me, 'auditor', 'admin'),
  manageWebhooks: (me: Me) => hasAny(me, 'admin'),
};

export const hasAny = (me: Me, ...roles: Role[]) => roles.some((r) => me.roles.includes(r));
