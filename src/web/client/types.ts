// Shapes of the claimdesk API (SPEC §3, §4, §6, §7) as the desk reads them. The workflow's
// vocabulary comes from the server's own pure module, so the two cannot drift apart.
import {
  CLAIM_STATUSES,
  type ClaimStatus,
  STANCES,
  type Stance,
} from '../../claims/claim-status.js';

export const STATUSES = CLAIM_STATUSES;
export type Status = ClaimStatus;
export { STANCES, type Stance };

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const SOURCE_KINDS = [
  'official_statement',
  'document',
  'dataset',
  'media_report',
  'social_media',
  'eyewitness',
  'expert',
  'other',
] as const;

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
  decidedBy?: string | null;
  decidedAt?: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  sources?: unknown[];
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

export interface AuditEvent {
  seq: string | number;
  id: string;
  claimId: string | null;
  type: string;
  actor: { id: string; name: string; roles: string[] };
  at: string;
  fromStatus: string | null;
  toStatus: string | null;
  rationale: string | null;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface Figure {
  text: string;
  value: number | null;
  qualifier?: string | null;
}

export interface Candidate {
  sentence: string;
  span: { start: number; end: number };
  claimant: string | null;
  figures: Figure[];
  hedges: string[];
  checkworthiness: number;
  duplicates: { claimId: string; similarity: number; text?: string }[];
}

export interface Article {
  id: string;
  title?: string | null;
  url?: string | null;
  outlet?: string | null;
  publishedAt?: string | null;
  text: string;
  candidates?: Candidate[];
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
