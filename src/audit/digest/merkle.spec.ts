import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { merkleRoot } from './merkle.js';

const sha = (...parts: (string | Buffer)[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};
const leaf = (chain: string, head: string) => sha(Buffer.from([0]), `${chain}:${head}`);
const node = (left: Buffer, right: Buffer) => sha(Buffer.from([1]), left, right);

describe('merkleRoot', () => {
  const heads = ['c', 'a', 'system', 'b'].map((chain) => ({ chain, head: chain.repeat(3) }));

  it('is SHA-256 of nothing for no chains', () => {
    expect(merkleRoot([])).toBe(sha().toString('hex'));
  });

  it('is the leaf itself for one chain', () => {
    expect(merkleRoot([{ chain: 'system', head: 'h' }])).toBe(leaf('system', 'h').toString('hex'));
  });

  it('pairs leaves sorted by chain key and carries an odd last node up unchanged', () => {
    const [a, b, c, s] = [
      leaf('a', 'aaa'),
      leaf('b', 'bbb'),
      leaf('c', 'ccc'),
      leaf('system', 'systemsystemsystem'),
    ];
    expect(merkleRoot(heads)).toBe(node(node(a, b), node(c, s)).toString('hex'));
    // c, a, system → sorted a, c, system: (a·c)·system
    expect(merkleRoot(heads.slice(0, 3))).toBe(node(node(a, c), s).toString('hex'));
  });

  it('does not depend on the order the heads are given in', () => {
    expect(merkleRoot([...heads].reverse())).toBe(merkleRoot(heads));
  });
});
