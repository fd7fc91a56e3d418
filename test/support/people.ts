import { randomBytes } from 'node:crypto';
import type { Role } from '../../src/auth/role.js';
import { ADMIN_TOKEN } from './app-process.js';
import { client } from './http.js';

export interface TestUser {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  token: string;
  tokenId: string;
}

// Creates a user through the admin API, as an admin would (STYLE.md item 10: each test
// makes its own people, with unique emails, so specs never share seeded state).
export async function createUser(
  baseUrl: string,
  roles: Role[],
  overrides: { name?: string } = {},
): Promise<TestUser> {
  const suffix = randomBytes(4).toString('hex');
  const name = overrides.name ?? `${roles.join('+')} ${suffix}`;
  const email = `${roles.join('-')}-${suffix}@newsroom.test`;
  const response = await client(baseUrl, ADMIN_TOKEN).post('/api/v1/users', {
    body: { name, email, roles },
  });
  if (response.status !== 201) {
    throw new Error(`could not create user: ${response.status} ${response.text}`);
  }
  return { ...response.body.user, token: response.body.token, tokenId: response.body.tokenId };
}

// One person per role, plus a second editor for four-eyes and race scenarios.
export async function createNewsroom(baseUrl: string) {
  const [reporter, editor, secondEditor, auditor, admin] = await Promise.all([
    createUser(baseUrl, ['reporter']),
    createUser(baseUrl, ['editor']),
    createUser(baseUrl, ['editor']),
    createUser(baseUrl, ['auditor']),
    createUser(baseUrl, ['admin']),
  ]);
  return { reporter, editor, secondEditor, auditor, admin };
}
