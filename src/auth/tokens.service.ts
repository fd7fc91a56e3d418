import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditActor } from '../audit/audit-event.js';
import { AuditAppendService } from '../audit/audit-append.service.js';
import { DomainError } from '../common/problem/domain-error.js';
import { ApiToken } from './api-token.entity.js';
import { TokenView } from './dto/user.view.js';
import { generateTokenSecret, hashTokenSecret } from './token-secret.js';
import { User } from './user.entity.js';

@Injectable()
export class TokensService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditAppendService,
  ) {}

  async issue(actor: AuditActor, userId: string, label?: string): Promise<TokenView> {
    return this.dataSource.transaction((manager) =>
      this.issueWithin(manager, actor, userId, label ?? null),
    );
  }

  // `fixedSecret` is only for the bootstrap admin's BOOTSTRAP_ADMIN_TOKEN.
  async issueWithin(
    manager: EntityManager,
    actor: AuditActor,
    userId: string,
    label: string | null,
    fixedSecret?: string,
  ): Promise<TokenView> {
    const user = await manager.getRepository(User).findOneBy({ id: userId });
    if (!user) throw new DomainError('not-found', `No user ${userId}.`);
    const secret = fixedSecret ?? generateTokenSecret();
    const repository = manager.getRepository(ApiToken);
    const token = await repository.save(
      repository.create({ userId, tokenHash: hashTokenSecret(secret), label }),
    );
    await this.audit.append(manager, {
      claimId: null,
      type: 'token.issued',
      actor,
      data: { tokenId: token.id, userId, label },
    });
    return {
      id: token.id,
      userId,
      label: token.label,
      createdAt: token.createdAt.toISOString(),
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
