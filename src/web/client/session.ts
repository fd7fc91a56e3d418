import type { Role } from '../../domain/roles.js';
import { signal } from './signal.js';

export interface Me {
  id: string;
  name: string;
  email: string;
  roles: Role[];
}

// Who is signed in. The desk keeps no secret: the server's session cookie (HttpOnly, so no
// script can read it) authenticates every call, and signing out ends it on the server.
export const session = {
  me: signal<Me | null>(null),
  notice: signal<string | null>(null),
  signIn(me: Me) {
    session.notice.set(null);
    session.me.set(me);
  },
  signOut(notice: string | null = null) {
    session.notice.set(notice);
    session.me.set(null);
  },
  expired() {
    if (session.me.get()) session.signOut('Your session has ended. Sign in again.');
  },
};

export const can = {
  submit: (me: Me) => hasAny(me, 'reporter', 'editor'),
  comment: (me: Me) => hasAny(me, 'reporter', 'editor'),
  review: (me: Me) => hasAny(me, 'editor'),
  audit: (me: Me) => hasAny(me, 'auditor', 'admin'),
  manageWebhooks: (me: Me) => hasAny(me, 'admin'),
  managePeople: (me: Me) => hasAny(me, 'admin'),
};

export const hasAny = (me: Me, ...roles: Role[]) => roles.some((r) => me.roles.includes(r));
