import { describe, expect, it } from '@jest/globals';
import { matchesPatterns, passesFilter, unknownEventPattern } from './event-selection.js';

describe('event selection', () => {
  it('matches exact types, families and everything', () => {
    expect(matchesPatterns(['claim.transitioned'], 'claim.transitioned')).toBe(true);
    expect(matchesPatterns(['claim.transitioned'], 'claim.edited')).toBe(false);
    expect(matchesPatterns(['claim.*'], 'claim.edited')).toBe(true);
    expect(matchesPatterns(['claim.*'], 'claimant.created')).toBe(false);
    expect(matchesPatterns(['publication.*'], 'publication.published')).toBe(true);
    expect(matchesPatterns(['*'], 'token.revoked')).toBe(true);
  });

  it('refuses unknown exact types but accepts any family', () => {
    expect(unknownEventPattern('claim.exploded')).toBe(true);
    expect(unknownEventPattern('claim')).toBe(true);
    expect(unknownEventPattern('publication.*')).toBe(false);
    expect(unknownEventPattern('webhook.disabled')).toBe(false);
  });

  it('passes claim-scoped filters only for matching claims', () => {
    const urgent = { priority: 'urgent', tags: ['elections'] };
    expect(passesFilter({}, null)).toBe(true);
    expect(passesFilter({ priority: ['urgent'] }, urgent)).toBe(true);
    expect(passesFilter({ priority: ['low'] }, urgent)).toBe(false);
    expect(passesFilter({ tags: ['health', 'elections'] }, urgent)).toBe(true);
    expect(passesFilter({ tags: ['health'] }, urgent)).toBe(false);
    expect(passesFilter({ priority: ['urgent'] }, null)).toBe(false);
  });
});
