import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditActor } from '../../audit/audit-event.js';
import { AuditAppendService } from '../../audit/audit-append.service.js';
import { DomainError } from '../../common/problem/domain-error.js';
import { AppConfig } from '../../config/app-config.js';
import { SessionClock } from '../sessions/session-clock.js';
import { InvitationView } from './dto/invitation.view.js';
import {
  generateInvitationToken,
  hashInvitationToken,
  INVITATION_TOKEN_SHAPE,
  INVITATION_VALID_MS,
  invitationUrl,
} from './invitation-token.js';

export interface OpenInvitation {
  id: string;
  userId: string;
}

export const invitationUnusable = () =>
  new DomainError(
    'forbidden',
    'This invitation link has expired or has already been used; ask an admin for a new one.',
  );

@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditAppendService,
    private readonly clock: SessionClock,
    private readonly config: AppConfig,
  ) {}

  // A one-time link for an active user. A new invitation replaces the person's earlier
  // unused ones: the link an admin sent last is the one that works.
  async issue(actor: AuditActor, userId: string): Promise<InvitationView> {
    return this.dataSource.transaction((manager) => this.issueWithin(manager, actor, userId));
  }

  async issueWithin(
    manager: EntityManager,
    actor: AuditActor,
    userId: string,
  ): Promise<InvitationView> {
    const [user] = (await manager.query(`SELECT active FROM users WHERE id = $1 FOR SHARE`, [
      userId,
    ])) as { active: boolean }[];
    if (!user) throw new DomainError('not-found', `No user ${userId}.`);
    if (!user.active) {
      throw new DomainError('conflict', 'This user is deactivated: reactivate them first.');
    }
    const now = this.clock.now();
    const token = generateInvitationToken();
    const expiresAt = new Date(now.getTime() + INVITATION_VALID_MS);
    await manager.query(
      `UPDATE invitations SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL`,
      [userId, now],
    );
    const [{ id }] = (await manager.query(
      `INSERT INTO invitations (token_hash, user_id, created_by, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [hashInvitationToken(token), userId, actor.id, now, expiresAt],
    )) as { id: string }[];
    await this.audit.append(manager, {
      claimId: null,
      type: 'invitation.issued',
      actor,
      data: { invitationId: id, userId, expiresAt: expiresAt.toISOString() },
    });
    return {
      url: invitationUrl(this.config.publicBaseUrl, token),
      expiresAt: expiresAt.toISOString(),
    };
  }

  // The open invitation behind a link, or a 403 naming what to do.
  async open(token: string): Promise<OpenInvitation> {
    if (!INVITATION_TOKEN_SHAPE.test(token)) throw invitationUnusable();
    const [row] = (await this.dataSource.query(
      `SELECT i.id, i.user_id FROM invitations i JOIN users u ON u.id = i.user_id
        WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.expires_at > $2 AND u.active`,
      [hashInvitationToken(token), this.clock.now()],
    )) as { id: string; user_id: string }[];
    if (!row) throw invitationUnusable();
    return { id: row.id, userId: row.user_id };
  }

  // Spends the invitation inside the caller's transaction; false if it was spent (or
  // expired) in the meantime.
  async spendWithin(manager: EntityManager, invitationId: string): Promise<boolean> {
    const now = this.clock.now();
    const [rows] = (await manager.query(
      `UPDATE invitations SET used_at = $2
        WHERE id = $1 AND used_at IS NULL AND expires_at > $2 RETURNING id`,
      [invitationId, now],
    )) as [unknown[], number];
    return rows.length > 0;
  }
}
