import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import { DomainError } from '../../common/problem/domain-error.js';
import { AuditDigest, publicKeyPemOf, signDigest } from './audit-digest.js';
import { byChainKey, ChainHead, merkleRoot } from './merkle.js';

@Injectable()
export class AuditDigestService {
  private readonly publicKey?: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    if (config.auditSigningKey) this.publicKey = publicKeyPemOf(config.auditSigningKey);
  }

  // seq, heads and asOf come from one REPEATABLE READ snapshot, so they agree with each
  // other and with an export taken from the same state.
  async current(): Promise<AuditDigest> {
    const { asOf, seq, chains } = await this.dataSource.transaction(
      'REPEATABLE READ',
      async (manager) => {
        const [top] = (await manager.query(
          `SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "asOf",
                  coalesce(max(seq), 0)::text AS seq
             FROM audit_events`,
        )) as { asOf: string; seq: string }[];
        const heads = (await manager.query(
          `SELECT DISTINCT ON (chain) chain, seq::text AS seq, hash AS head
             FROM audit_events ORDER BY audit_events.chain, audit_events.seq DESC`,
        )) as ChainHead[];
        return { ...top, chains: heads.sort(byChainKey) };
      },
    );
    const digest: AuditDigest = { asOf, seq, chains, root: merkleRoot(chains) };
    if (this.config.auditSigningKey) {
      digest.signature = signDigest(digest, this.config.auditSigningKey);
    }
    return digest;
  }

  publicKeyPem(): string {
    if (!this.publicKey) {
      throw new DomainError('not-found', 'No audit signing key is configured (AUDIT_SIGNING_KEY).');
    }
    return this.publicKey;
  }
}
