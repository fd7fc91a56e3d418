import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { ChainHead } from './merkle.js';

// A signed statement of the whole history at one snapshot (SPEC §6): the highest seq it
// saw, every chain's head, and the Merkle root over those heads.
export interface AuditDigest {
  asOf: string;
  seq: string;
  chains: ChainHead[];
  root: string;
  signature?: string;
}

// What is signed: the RFC 8785 canonical JSON of the digest without `signature`.
export function signedBytes(digest: AuditDigest): Buffer {
  const unsigned: AuditDigest = { ...digest };
  delete unsigned.signature;
  return Buffer.from(canonicalize(unsigned)!, 'utf8');
}

export const signDigest = (digest: AuditDigest, privateKeyPem: string): string =>
  sign(null, signedBytes(digest), createPrivateKey(privateKeyPem)).toString('base64');

export function digestSignatureHolds(digest: AuditDigest, publicKeyPem: string): boolean {
  if (!digest.signature) return false;
  try {
    return verify(
      null,
      signedBytes(digest),
      createPublicKey(publicKeyPem),
      Buffer.from(digest.signature, 'base64'),
    );
  } catch {
    return false;
  }
}

export const publicKeyPemOf = (privateKeyPem: string): string =>
  createPublicKey(createPrivateKey(privateKeyPem)).export({
    type: 'spki',
    format: 'pem',
  }) as string;
