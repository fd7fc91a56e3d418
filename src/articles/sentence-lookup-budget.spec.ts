import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../common/problem/domain-error.js';
import { SentenceLookupBudget } from './sentence-lookup-budget.js';

describe('SentenceLookupBudget', () => {
  it('admits lookups up to its capacity together and refuses one past it', () => {
    const budget = new SentenceLookupBudget(100);
    budget.take(60);
    budget.take(40);
    expect(() => budget.take(1)).toThrow(DomainError);
  });

  it('admits a lookup larger than its capacity when nothing else runs', () => {
    const budget = new SentenceLookupBudget(100);
    const giveBack = budget.take(5_000);
    expect(() => budget.take(1)).toThrow(/right now \(5000 sentences\)/);
    giveBack();
    expect(() => budget.take(100)).not.toThrow();
  });

  it('gives sentences back once, however often it is called', () => {
    const budget = new SentenceLookupBudget(100);
    const hold = budget.take(50);
    const giveBack = budget.take(50);
    giveBack();
    giveBack();
    // 50 still held by `hold`: a second give-back must not have freed them too.
    expect(() => budget.take(51)).toThrow(DomainError);
    hold();
    expect(() => budget.take(100)).not.toThrow();
  });

  it('holds the sentences while a lookup runs and gives them back when it fails', async () => {
    const budget = new SentenceLookupBudget(10);
    const failing = budget.during(10, async () => {
      expect(() => budget.take(1)).toThrow(DomainError);
      throw new Error('lookup failed');
    });
    await expect(failing).rejects.toThrow('lookup failed');
    expect(() => budget.take(10)).not.toThrow();
  });

  it('refuses with lookups-busy and a Retry-After', () => {
    const budget = new SentenceLookupBudget(10);
    budget.take(10);
    const refusal = catching(() => budget.take(1));
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).code).toBe('lookups-busy');
    expect((refusal as DomainError).options.headers?.['retry-after']).toMatch(/^\d+$/);
  });
});

function catching(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  return undefined;
}
