import { AUDIT_EVENT_TYPES } from '../audit/audit-event.js';

// Which audit events a subscription receives (SPEC §13): exact types, a family wildcard
// such as `claim.*` or `publication.*`, or `*`. Families are open-ended on purpose: a
// subscriber to `publication.*` receives publication events once they exist.
export const EVENT_PATTERN = /^(\*|[a-z]+\.\*|[a-z]+\.[a-z_]+)$/;

export function unknownEventPattern(pattern: string): boolean {
  if (!EVENT_PATTERN.test(pattern)) return true;
  if (pattern === '*' || pattern.endsWith('.*')) return false;
  return !(AUDIT_EVENT_TYPES as readonly string[]).includes(pattern);
}

export const matchesPatterns = (patterns: string[], type: string) =>
  patterns.some(
    (pattern) =>
      pattern === '*' ||
      pattern === type ||
      (pattern.endsWith('.*') && type.startsWith(pattern.slice(0, -1))),
  );

export interface SubscriptionFilter {
  priority?: string[];
  tags?: string[];
}

// A claim-scoped filter (priority, tags) only passes events about a claim that matches
// it; with no filter, every event of the selected types passes.
export function passesFilter(
  filter: SubscriptionFilter,
  claim: { priority: string; tags: string[] } | null,
): boolean {
  const wantsPriority = !!filter.priority?.length;
  const wantsTags = !!filter.tags?.length;
  if (!wantsPriority && !wantsTags) return true;
  if (!claim) return false;
  if (wantsPriority && !filter.priority!.includes(claim.priority)) return false;
  if (wantsTags && !filter.tags!.some((tag) => claim.tags.includes(tag))) return false;
  return true;
}
