// Shapes of the claimdesk API (SPEC §3, §4, §6, §7) as the desk reads them. The
// vocabulary and the shapes the server defines in plain TypeScript are imported from it,
// so the two cannot drift apart.
import type { AuditEvent } from '../../audit/audit-event.js';
import type {
  Candidate as ExtractedCandidate,
  ExtractionFeature,
} from '../../articles/extraction/candidate.js';
import { CLAIM_STATUSES, type ClaimStatus, type Stance } from '../../domain/claim-status.js';
import { type Priority, PRIORITIES_MOST_URGENT_FIRST } from '../../domain/priorities.js';

export { STANCES, type Stance } from '../../domain/claim-status.js';
export { SOURCE_KINDS } from '../../domain/source-kinds.js';
export type { AuditEvent, ExtractionFeature, Priority };

export const STATUSES = CLAIM_STATUSES;
export type Status = ClaimStatus;
// The desk lists priorities most urgent first.
export const PRIORITIES = PRIORITIES_MOST_URGENT_FIRST;

export interface Source {
  id: string;
  kind: string;
  title: string;
  url?: string | null;
  publisher?: string | null;
  publishedAt?: string | null;
  notes?: string | null;
}

export interface Evidence {
  source: Source;
  stance: Stance;
  note?: string | null;
}

export interface Claim {
  id: string;
  text: string;
  claimant?: string | null;
  claimantId?: string | null;
  claimedAt?: string | null;
  articleId?: string | null;
  span?: { start: number; end: number } | null;
  appearanceUrl?: string | null;
  tags: string[];
  priority: Priority;
  status: Status;
  rationale?: string | null;
  submittedBy: string;
  assigneeId?: string | null;
  dueAt?: string | null;
  // BCP 47, canonical
  language: string;
  decidedBy?: string | null;
  decidedAt?: string | null;
  // The claim this one was merged into (status `merged`).
  mergedInto?: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  sources?: unknown[];
}

// An existing claim the 201 of POST /claims says the new one may duplicate.
export interface PossibleDuplicate {
  id: string;
  similarity: number;
  status: Status;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Comment {
  id: string;
  body: string;
  authorId: string;
  authorName: string;
  createdAt: string;
}

// An extracted candidate, with the existing claims it may duplicate.
export interface Candidate extends ExtractedCandidate {
  duplicates: { claimId: string; similarity: number; text?: string }[];
  // The claims filed from this candidate, oldest first.
  filed: { claimId: string; status: Status }[];
}

export interface Article {
  id: string;
  title?: string | null;
  url?: string | null;
  outlet?: string | null;
  publishedAt?: string | null;
  language: string;
  text: string;
  candidates?: Candidate[];
  // What extraction ran for the article's language (claimants and hedges are English only).
  features?: ExtractionFeature[];
}

// GET /articles: an article without its text or candidates.
export interface ArticleListItem extends Omit<Article, 'text' | 'candidates' | 'features'> {
  excerpt: string;
  createdAt: string;
  candidateCount: number;
  claimCount: number;
}

export interface Digest {
  asOf: string;
  seq: string | number | null;
  chains: { chain: string; seq: string | number; head: string }[];
  root: string;
  signature?: string;
}

export const label = (value: string) => value.replace(/_/g, ' ');

// Attached evidence, whether the API nests the source or flattens it beside the stance.
export function evidenceOf(claim: Claim): Evidence[] {
  return (claim.sources ?? []).map((entry) => {
    const item = entry as Record<string, unknown>;
    const source = (item.source as Source | undefined) ?? (item as unknown as Source);
    return {
      source: { ...source, id: source.id ?? (item.sourceId as string) },
      stance: item.stance as Stance,
      note: (item.note as string | null | undefined) ?? null,
    };
  });
}

// A claim past its due date while still open: the desk marks it.
export const isOverdue = (claim: Claim, now = Date.now()) =>
  !!claim.dueAt &&
  (claim.status === 'submitted' || claim.status === 'in_review') &&
  Date.parse(claim.dueAt) < now;

export interface Editor {
  id: string;
  name: string;
}
