import { client } from './http.js';
import { attachSource, move, submitClaim, type ClaimInput } from './claims.js';
import type { TestUser } from './people.js';

// A claim taken through review to a verdict by an editor, with one source attached that
// the verdict's evidence rule accepts. Returns the decided claim and the source's id.
export async function decidedClaim(
  baseUrl: string,
  people: { reporter: TestUser; editor: TestUser },
  verdict: 'verified' | 'refuted' | 'disputed' | 'unverifiable' = 'refuted',
  input: ClaimInput = {},
  rationale = 'Internal: the counts disagree.',
  source: Record<string, unknown> = {},
) {
  const submitted = await submitClaim(baseUrl, people.reporter, {
    claimant: 'Mayor Ada Example',
    appearanceUrl: 'https://news.example.org/interview',
    claimedAt: '2026-11-30',
    ...input,
  });
  const inReview = await move(baseUrl, people.editor, submitted, 'in_review');
  const attached = await attachSource(
    baseUrl,
    people.editor,
    inReview,
    verdict === 'verified' ? 'supports' : 'contradicts',
    { publisher: 'Statistics Office', ...source },
  );
  const sourceId: string = attached.sources[attached.sources.length - 1].id;
  const decided = await move(baseUrl, people.editor, attached, verdict, rationale);
  return { claim: decided, sourceId };
}

export function draftOf(sourceId: string, overrides: Record<string, unknown> = {}) {
  return {
    headline: 'No, the city did not double its budget',
    summary:
      'The budget grew by 4 percent, according to the published accounts.\n\nThe mayor later corrected the figure.',
    claimantType: 'Person',
    citedSourceIds: [sourceId],
    ...overrides,
  };
}

export async function publishDraft(
  baseUrl: string,
  editor: TestUser,
  claimId: string,
  draft: Record<string, unknown>,
) {
  const api = client(baseUrl, editor.token);
  const saved = await api.put(`/api/v1/claims/${claimId}/publication`, { body: draft });
  if (saved.status !== 201 && saved.status !== 200) {
    throw new Error(`could not save draft: ${saved.status} ${saved.text}`);
  }
  const published = await api.post(`/api/v1/claims/${claimId}/publication/publish`, { body: {} });
  if (published.status !== 200) {
    throw new Error(`could not publish: ${published.status} ${published.text}`);
  }
  return published.body;
}
