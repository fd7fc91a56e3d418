import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditActor } from '../audit/audit-event.js';
import { AuditAppendService } from '../audit/audit-append.service.js';
import { DomainError } from '../common/problem/domain-error.js';
import { isUniqueViolation } from '../database/postgres-errors.js';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto.js';
import { EditorView, UserView } from './dto/user.view.js';
import { TokensService } from './tokens.service.js';
import { User } from './user.entity.js';

export const MAX_EDITORS_LISTED = 500;

// Serialises every change that could leave the service without an active admin.
const LAST_ADMIN_LOCK = 4_172_005;

// Refuses (409) to demote or deactivate the last active admin. The transaction-scoped
// advisory lock makes two admins demoting each other at once take turns: the second sees
// the first's committed change and is refused, so at least one admin remains.
async function assertAnotherActiveAdmin(manager: EntityManager, userId: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [LAST_ADMIN_LOCK]);
  const [{ others }] = (await manager.query(
    `SELECT count(*)::int AS others FROM users
      WHERE active AND 'admin' = ANY (roles) AND id <> $1`,
    [userId],
  )) as { others: number }[];
  if (others === 0) {
    throw new DomainError(
      'conflict',
      'This is the last active admin: make another user an admin before demoting or deactivating this one.',
    );
  }
}

export const toUserView = (user: User): UserView => ({
  id: user.id,
  name: user.name,
  email: user.email,
  roles: user.roles,
  active: user.active,
  createdAt: user.createdAt.toISOString(),
  updatedAt: user.updatedAt.toISOString(),
});

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditAppendService,
    private readonly tokens: TokensService,
  ) {}

  // Creates the user and their first token in one transaction, with both audit events.
  async create(actor: AuditActor, input: CreateUserDto, fixedSecret?: string) {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.insertUser(manager, input);
      await this.audit.append(manager, {
        claimId: null,
        type: 'user.created',
        actor,
        data: { userId: user.id, after: { name: user.name, email: user.email, roles: user.roles } },
      });
      const token = await this.tokens.issueWithin(manager, actor, user.id, 'initial', fixedSecret);
      return { user: toUserView(user), token: token.token, tokenId: token.id };
    });
  }

  async list(): Promise<UserView[]> {
    const users = await this.dataSource.getRepository(User).find({ order: { createdAt: 'ASC' } });
    return users.map(toUserView);
  }

  async update(actor: AuditActor, id: string, changes: UpdateUserDto): Promise<UserView> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(User);
      const user = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new DomainError('not-found', `No user ${id}.`);
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const key of ['name', 'roles', 'active'] as const) {
        const next = changes[key];
        if (next === undefined || JSON.stringify(next) === JSON.stringify(user[key])) continue;
        before[key] = user[key];
        after[key] = next;
      }
      if (Object.keys(after).length === 0) return toUserView(user);
      const stillAdmin =
        (after.active ?? user.active) && (changes.roles ?? user.roles).includes('admin');
      if (user.active && user.roles.includes('admin') && !stillAdmin) {
        await assertAnotherActiveAdmin(manager, id);
      }
      Object.assign(user, after);
      const saved = await repository.save(user);
      await this.audit.append(manager, {
        claimId: null,
        type: 'user.updated',
        actor,
        data: { userId: id, before, after },
      });
      // Deactivation revokes every token for good: reactivating the user later does not
      // bring them back, so a token leaked before the deactivation stays dead.
      if (after.active === false) await this.tokens.revokeAllOf(manager, actor, id);
      return toUserView(saved);
    });
  }

  // Who a claim can be assigned to (SPEC §14), by name. Bounded: a newsroom has dozens.
  async activeEditors(): Promise<EditorView[]> {
    return (await this.dataSource.query(
      `SELECT id, name FROM users WHERE active AND 'editor' = ANY (roles)
        ORDER BY lower(name), id LIMIT ${MAX_EDITORS_LISTED}`,
    )) as EditorView[];
  }

  async exists(id: string): Promise<boolean> {
    return this.dataSource.getRepository(User).existsBy({ id });
  }

  async findByIdOrEmail(idOrEmail: string): Promise<User | null> {
    const repository = this.dataSource.getRepository(User);
    return /^[0-9a-f-]{36}$/i.test(idOrEmail)
      ? repository.findOneBy({ id: idOrEmail })
      : repository
          .createQueryBuilder('u')
          .where('lower(u.email) = lower(:email)', { email: idOrEmail })
          .getOne();
  }

  private async insertUser(manager: EntityManager, input: CreateUserDto): Promise<User> {
    const repository = manager.getRepository(User);
    try {
      return await repository.save(
        repository.create({ name: input.name, email: input.email, roles: input.roles }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) {
        throw new DomainError('conflict', `A user with email ${input.email} already exists.`, {
          errors: [{ field: 'email', message: 'is already taken' }],
        });
      }
      throw error;
    }
  }
}
