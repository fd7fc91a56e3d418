import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAppendService } from '../audit/audit-append.service.js';
import { actorOf } from '../auth/actor.js';
import type { AuthUser } from '../auth/role.js';
import { countVerdictsOfClaimant, findLatestClaimsOfClaimant } from '../claims/claim-reads.js';
import { assertVersionMatches, type VersionPrecondition } from '../common/http/etag.js';
import { DomainError } from '../common/problem/domain-error.js';
import { isUniqueViolation } from '../database/postgres-errors.js';
import { CLAIMANT_LATEST_CLAIMS } from '../domain/claimants.js';
import type { ClaimantType } from '../domain/publication.js';
import {
  CLAIMANT_COLUMNS,
  ClaimantRow,
  findClaimantRow,
  findTakenNames,
  toClaimantView,
  writeNames,
} from './claimant-sql.js';
import { CreateClaimantDto, UpdateClaimantDto } from './dto/claimant.dto.js';
import { ClaimantDetailView, ClaimantView } from './dto/claimant.view.js';

interface ClaimantFields {
  name: string;
  type: ClaimantType;
  aliases: string[];
  sameAs: string[];
  description: string | null;
}

// Claimants and their track record. Creating and editing one is recorded on the system
// audit chain (claimant.created, claimant.edited) in the same transaction.
@Injectable()
export class ClaimantsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditAppendService,
  ) {}

  async create(user: AuthUser, input: CreateClaimantDto): Promise<ClaimantView> {
    const fields = normalised({
      name: input.name,
      type: input.type,
      aliases: input.aliases ?? [],
      sameAs: input.sameAs ?? [],
      description: input.description ?? null,
    });
    return this.namesMayCollide(() =>
      this.dataSource.transaction(async (manager) => {
        await assertNamesFree(manager, fields, null);
        const [row] = (await manager.query(
          `INSERT INTO claimants AS c (name, type, aliases, same_as, description, created_by)
           VALUES ($1, $2, $3, $4, $5, $6)
           RETURNING ${CLAIMANT_COLUMNS}`,
          [fields.name, fields.type, fields.aliases, fields.sameAs, fields.description, user.id],
        )) as ClaimantRow[];
        await writeNames(manager, { ...fields, id: row.id });
        const view = toClaimantView(row);
        await this.audit.append(manager, {
          claimId: null,
          type: 'claimant.created',
          actor: actorOf(user),
          data: { claimantId: view.id, after: view },
        });
        return view;
      }),
    );
  }

  async edit(
    user: AuthUser,
    id: string,
    precondition: VersionPrecondition | undefined,
    changes: UpdateClaimantDto,
  ): Promise<ClaimantView> {
    return this.namesMayCollide(() =>
      this.dataSource.transaction(async (manager) => {
        const current = await findClaimantRow(manager, id, true);
        if (!current) throw new DomainError('not-found', `No claimant ${id}.`);
        assertVersionMatches(precondition, current.version, 'The claimant');
        const before = fieldsOf(current);
        const next = normalised({
          name: changes.name ?? before.name,
          type: changes.type ?? before.type,
          aliases: changes.aliases ?? before.aliases,
          sameAs: changes.sameAs ?? before.sameAs,
          description: changes.description === undefined ? before.description : changes.description,
        });
        const changed = (Object.keys(next) as (keyof ClaimantFields)[]).filter(
          (key) => JSON.stringify(next[key]) !== JSON.stringify(before[key]),
        );
        if (changed.length === 0) return toClaimantView(current);
        if (changed.some((key) => key === 'name' || key === 'type' || key === 'aliases')) {
          await assertNamesFree(manager, next, id);
          await writeNames(manager, { ...next, id });
        }
        // TypeORM answers an UPDATE with [rows, rowCount].
        const [[row]] = (await manager.query(
          `UPDATE claimants AS c
              SET name = $2, type = $3, aliases = $4, same_as = $5, description = $6,
                  version = version + 1, updated_at = now()
            WHERE c.id = $1
            RETURNING ${CLAIMANT_COLUMNS}`,
          [id, next.name, next.type, next.aliases, next.sameAs, next.description],
        )) as [ClaimantRow[], number];
        const after = toClaimantView(row);
        const keys = [...changed, 'version', 'updatedAt'] as (keyof ClaimantView)[];
        await this.audit.append(manager, {
          claimId: null,
          type: 'claimant.edited',
          actor: actorOf(user),
          data: {
            claimantId: id,
            before: pick(toClaimantView(current), keys),
            after: pick(after, keys),
          },
        });
        return after;
      }),
    );
  }

  // The claimant, how its linked claims were decided, and its latest claims, all read from
  // one snapshot so the counts and the list agree.
  async get(id: string): Promise<ClaimantDetailView> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const row = await findClaimantRow(manager, id);
      if (!row) throw new DomainError('not-found', `No claimant ${id}.`);
      const verdicts = await countVerdictsOfClaimant(manager, id);
      const latestClaims = await findLatestClaimsOfClaimant(manager, id, CLAIMANT_LATEST_CLAIMS);
      const decided = Object.values(verdicts).reduce((sum, count) => sum + count, 0);
      return { ...toClaimantView(row), trackRecord: { decided, verdicts }, latestClaims };
    });
  }

  // Two requests racing for one name both pass the check; the unique index stops the
  // second, whose transaction is then over: answer it as the check would have.
  private async namesMayCollide<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!isUniqueViolation(error, 'claimant_names_unique_idx')) throw error;
      throw new DomainError('conflict', 'Another claimant of this type has one of these names.', {
        errors: [{ field: 'name', message: 'or an alias is taken by another claimant' }],
      });
    }
  }
}

async function assertNamesFree(
  manager: EntityManager,
  fields: ClaimantFields,
  exceptClaimantId: string | null,
): Promise<void> {
  const taken = await findTakenNames(
    manager,
    fields.type,
    [fields.name, ...fields.aliases],
    exceptClaimantId,
  );
  if (taken.length === 0) return;
  const lower = fields.name.toLowerCase();
  const errors = taken.map((hit) => ({
    field: hit.name.toLowerCase() === lower ? 'name' : 'aliases',
    message: `"${hit.name}" is already a name of ${fields.type} "${hit.claimantName}" (${hit.claimantId})`,
  }));
  throw new DomainError(
    'conflict',
    `${errors.map((error) => error.message).join('; ')}: link to that claimant or edit it.`,
    { errors, extensions: { claimantIds: [...new Set(taken.map((hit) => hit.claimantId))] } },
  );
}

// Aliases are kept once each, in the order given, ignoring case, and never repeat the name.
function normalised(fields: ClaimantFields): ClaimantFields {
  const seen = new Set([fields.name.toLowerCase()]);
  const aliases = fields.aliases.filter((alias) => {
    const key = alias.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ...fields, aliases, sameAs: [...new Set(fields.sameAs)] };
}

const fieldsOf = (row: ClaimantRow): ClaimantFields => ({
  name: row.name,
  type: row.type,
  aliases: row.aliases,
  sameAs: row.same_as,
  description: row.description,
});

function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, source[key]])) as Pick<T, K>;
}
