import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditActor } from '../audit/audit-event.js';
import { AuditAppendService } from '../audit/audit-append.service.js';
import { DomainError } from '../common/problem/domain-error.js';
import { ApiToken } from './api-token.entity.js';
import { TokenSummaryView, TokenView } from './dto/user.view.js';
import { generateTokenSecret, hashTokenSecret } from './token-secret.js';
import { User } from './user.entity.js';

@Injectable()
export class TokensService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditAppendService,
  ) {}

  async issue(
    actor: AuditActor,
    userId: string,
    label?: string,
    expiresAt?: string,
  ): Promise<TokenView> {
    if (expiresAt !== undefined && Date.parse(expiresAt) <= Date.now()) {
      throw new DomainError('validation', 'expiresAt: must be in the future', {
        errors: [{ field: 'expiresAt', message: 'must be in the future' }],
      });
    }
    return this.dataSource.transaction((manager) =>
      this.issueWithin(manager, actor, userId, label ?? null, undefined, expiresAt),
    );
  }

  // A user's tokens, newest first, without secrets or hashes.
  async list(userId: string): Promise<TokenSummaryView[]> {
    const tokens = await this.dataSource
      .getRepository(ApiToken)
      .find({ where: { userId }, order: { createdAt: 'DESC' } });
    return tokens.map((token) => ({
      id: token.id,
      userId: token.userId,
      label: token.label,
      createdAt: token.createdAt.toISOString(),
      lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
      expiresAt: token.expiresAt?.toISOString() ?? null,
      revokedAt: token.revokedAt?.toISOString() ?? null,
    }));
  }

  // Revokes every live token of a user (on deactivation), one audit event each.
  async revokeAllOf(manager: EntityManager, actor: AuditActor, userId: string): Promise<void> {
    const revoked = (await manager.query(
      `UPDATE api_tokens SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL
        RETURNING id`,
      [userId],
    )) as [{ id: string }[], number];
    for (const { id } of revoked[0]) {
      await this.audit.append(manager, {
        claimId: null,
        type: 'token.revoked',
        actor,
        data: { tokenId: id, userId, reason: 'user deactivated' },
      });
    }
  }

  // `fixedSecret` is only for the bootstrap admin's BOOTSTRAP_ADMIN_TOKEN.
  async issueWithin(
    manager: EntityManager,
    actor: AuditActor,
    userId: string,
    label: string | null,
    fixedSecret?: string,
    expiresAt?: string,
  ): Promise<TokenView> {
    const user = await manager.getRepository(User).findOneBy({ id: userId });
    if (!user) throw new DomainError('not-found', `No user ${userId}.`);
    const secret = fixedSecret ?? generateTokenSecret();
    const repository = manager.getRepository(ApiToken);
    const token = await repository.save(
      repository.create({
        userId,
        tokenHash: hashTokenSecret(secret),
        label,
        expiresAt: expiresAt ? new Date(expiresAt) : null,
      }),
    );
    await this.audit.append(manager, {
      claimId: null,
      type: 'token.issued',
      actor,
      data: {
        tokenId: token.id,
        userId,
        label,
        ...(expiresAt && { expiresAt: token.expiresAt!.toISOString() }),
      },
    });
    return {
      id: token.id,
      userId,
      label: token.label,
      createdAt: token.createdAt.toISOString(),
      expiresAt: token.expiresAt?.toISOString() ?? null,
      token: secret,
    };
  }

  async revoke(actor: AuditActor, tokenId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ApiToken);
      const token = await repository.findOne({
        where: { id: tokenId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!token) throw new DomainError('not-found', `No token ${tokenId}.`);
      // Revoking twice is harmless and records nothing new.
      if (token.revokedAt) return;
      token.revokedAt = new Date();
      await repository.save(token);
      await this.audit.append(manager, {
        claimId: null,
        type: 'token.revoked',
        actor,
        data: { tokenId, userId: token.userId },
      });
    });
  }
}
