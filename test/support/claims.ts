import { randomBytes } from 'node:crypto';
import { client } from './http.js';
import type { TestUser } from './people.js';

// Small factories for claim specs: each call makes its own data, with overrides.
export interface ClaimInput {
  text?: string;
  claimant?: string;
  claimantId?: string;
  claimedAt?: string;
  tags?: string[];
  priority?: 'low' | 'normal' | 'high' | 'urgent';
  appearanceUrl?: string;
}

export const uniqueTag = (prefix = 't') => `${prefix}-${randomBytes(5).toString('hex')}`;

export async function submitClaim(baseUrl: string, who: TestUser, input: ClaimInput = {}) {
  const response = await client(baseUrl, who.token).post('/api/v1/claims', {
    body: { text: input.text ?? `A checkable claim ${randomBytes(4).toString('hex')}`, ...input },
  });
  if (response.status !== 201) {
    throw new Error(`could not submit claim: ${response.status} ${response.text}`);
  }
  return response.body;
}

export async function transition(
  baseUrl: string,
  who: TestUser,
  claim: { id: string; version: number },
  to: string,
  rationale?: string,
) {
  return client(baseUrl, who.token).post(`/api/v1/claims/${claim.id}/transitions`, {
    body: rationale === undefined ? { to } : { to, rationale },
    headers: { 'if-match': `"${claim.version}"` },
  });
}

// Fails loudly unless the transition succeeds; returns the updated claim.
export async function move(
  baseUrl: string,
  who: TestUser,
  claim: { id: string; version: number },
  to: string,
  rationale = `Moving to ${to}.`,
) {
  const response = await transition(baseUrl, who, claim, to, rationale);
  if (response.status !== 200) {
    throw new Error(`could not move claim to ${to}: ${response.status} ${response.text}`);
  }
  return response.body;
}

export async function attachSource(
  baseUrl: string,
  who: TestUser,
  claim: { id: string },
  stance: 'supports' | 'contradicts' | 'context',
  source: Record<string, unknown> = {},
) {
  const response = await client(baseUrl, who.token).post(`/api/v1/claims/${claim.id}/sources`, {
    body: {
      stance,
      source: {
        kind: 'media_report',
        title: `Report ${randomBytes(3).toString('hex')}`,
        url: `https://example.org/reports/${randomBytes(6).toString('hex')}`,
        ...source,
      },
    },
  });
  if (response.status !== 201) {
    throw new Error(`could not attach source: ${response.status} ${response.text}`);
  }
  return response.body;
}
