import { createHash } from 'node:crypto';

export interface ChainHead {
  chain: string;
  // seq and hash of the chain's last event at digest time.
  seq: string;
  head: string;
}

const sha256 = (...parts: Uint8Array[]): Buffer => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

// Domain separation as in RFC 6962, so a leaf can never pass for an inner node.
const LEAF = Buffer.from([0x00]);
const NODE = Buffer.from([0x01]);

// Chain keys compare by UTF-16 code units (JavaScript's default sort), which for the
// keys claimdesk uses (uuids and 'system') is plain byte order.
export const byChainKey = (a: { chain: string }, b: { chain: string }) =>
  a.chain < b.chain ? -1 : a.chain > b.chain ? 1 : 0;

export const merkleLeaf = (chain: string, head: string) =>
  sha256(LEAF, Buffer.from(`${chain}:${head}`, 'utf8'));

// The root over the chains' heads sorted by chain key (docs/audit.md):
//   leaf = SHA-256(0x00 || utf8(chain + ":" + headHash))
//   node = SHA-256(0x01 || left || right)
// pairing left to right on each level; an odd last node moves up unchanged. The root of
// no chains is SHA-256 of the empty string. Hex, lower case.
export function merkleRoot(heads: { chain: string; head: string }[]): string {
  let level = [...heads].sort(byChainKey).map(({ chain, head }) => merkleLeaf(chain, head));
  if (level.length === 0) return sha256().toString('hex');
  while (level.length > 1) {
    const next: typeof level = [];
    for (let i = 0; i < level.length; i += 2) {
      next.push(i + 1 < level.length ? sha256(NODE, level[i], level[i + 1]) : level[i]);
    }
    level = next;
  }
  return level[0].toString('hex');
}
