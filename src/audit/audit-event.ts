// The audit event exactly as it is exported and hashed (SPEC §6). Field names and order
// of meaning are part of the contract: an auditor's verifier recomputes `hash` from these.
export const AUDIT_EVENT_TYPES = [
  'claim.submitted',
  'claim.edited',
  'claim.transitioned',
  'claim.assigned',
  'evidence.attached',
  'evidence.detached',
  'comment.added',
  'user.created',
  'user.updated',
  'token.issued',
  'token.revoked',
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'webhook.disabled',
  'publication.published',
  'publication.corrected',
  'publication.retracted',
  'invitation.issued',
  'passkey.registered',
  'passkey.removed',
  'session.signed_in',
  'session.signed_out',
  'session.revoked',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

export const SYSTEM_CHAIN = 'system';
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditActor {
  id: string;
  name: string;
  roles: string[];
  // The token the request used (absent for the operator CLI and first start).
  tokenId?: string;
  // The sign-in session the request used, for requests from the desk (never its secret).
  sessionId?: string;
}

export interface AuditEvent {
  seq: string;
  id: string;
  claimId: string | null;
  type: AuditEventType;
  actor: AuditActor;
  at: string;
  fromStatus: string | null;
  toStatus: string | null;
  rationale: string | null;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

// What the hash covers: the whole event but its own `hash` and its `seq` (the sequence
// number is assigned by the database after the hash is computed).
export type HashedAuditEvent = Omit<AuditEvent, 'seq' | 'hash'>;

export const chainOf = (claimId: string | null) => claimId ?? SYSTEM_CHAIN;
