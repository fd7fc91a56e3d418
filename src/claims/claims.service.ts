import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { articleForClaim } from './article-span.js';
import {
  DuplicateLookupService,
  type PossibleDuplicate,
} from './duplicates/duplicate-lookup.service.js';
import { WordStatisticsService } from './duplicates/word-statistics.service.js';
import { AuditAppendService } from '../audit/audit-append.service.js';
import { eventParameters } from '../audit/audit-event-sql.js';
import { GENESIS_HASH } from '../audit/audit-event.js';
import { linkEvents } from '../audit/event-link.js';
import { actorOf } from '../auth/actor.js';
import {
  identityCheckParameters,
  requireConfirmedIdentity,
  UnconfirmedIdentityError,
} from '../auth/remembered-identity.js';
import { AppConfig } from '../config/app-config.js';
import type { AuthUser } from '../auth/role.js';
import { assertVersionMatches, VersionPrecondition } from '../common/http/etag.js';
import { DomainError } from '../common/problem/domain-error.js';
import { preparedQueryWithin } from '../database/prepared-query.js';
import { textSearchConfigOf } from '../domain/languages.js';
import { assertMayEdit } from './claim-access.js';
import {
  CLAIMANT_DIRECTORY,
  type ClaimantDirectory,
  type ClaimantSuggestion,
} from './claimant-directory.js';
import { changedFields, changeOf } from './claim-changes.js';
import { lockClaim } from './claim-locks.js';
import { claimView, findClaim } from './claim-reads.js';
import {
  CLAIM_COLUMNS,
  ClaimRow,
  submitClaimSql,
  submitClaimParameters,
  submittedClaim,
  toClaimSummary,
} from './claim-sql.js';
import { CreateClaimDto, UpdateClaimDto } from './dto/claim.dto.js';
import { ClaimSummaryView, ClaimView } from './dto/claim.view.js';

// Editable fields and their columns.
const EDITABLE_COLUMNS = {
  text: 'text',
  claimant: 'claimant',
  claimantId: 'claimant_id',
  claimedAt: 'claimed_at',
  appearanceUrl: 'appearance_url',
  tags: 'tags',
  priority: 'priority',
  language: 'language',
} as const;
type EditableField = keyof typeof EDITABLE_COLUMNS;

export interface SubmissionAdvice {
  claimantSuggestions: ClaimantSuggestion[];
  possibleDuplicates: PossibleDuplicate[];
}

@Injectable()
export class ClaimsService {
  private readonly logger = new Logger(ClaimsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditAppendService,
    @Inject(CLAIMANT_DIRECTORY) private readonly claimants: ClaimantDirectory,
    private readonly config: AppConfig,
    private readonly duplicates: DuplicateLookupService,
    private readonly wordStatistics: WordStatisticsService,
  ) {}

  // For the serving process once it listens (not the CLI, which imports this module too
  // and lives seconds): the duplicate lookup's word statistics kept fresh from then on.
  startUpkeep(): void {
    this.wordStatistics.startChecking();
  }

  // One statement (submitClaimSql): the claim and its claim.submitted event commit
  // together on their own, so `manager` need not be in a transaction; inside one (the
  // idempotency wrapper's, with an Idempotency-Key) they commit with the stored response.
  async submit(manager: EntityManager, user: AuthUser, input: CreateClaimDto): Promise<ClaimView> {
    const { claim } = await this.insert(manager, user, input);
    return claim;
  }

  // A submission as POST /claims answers it: the claim and what the desk should look at
  // before working it (SPEC §15). The advice (possible duplicates, claimant suggestions)
  // is read on connections of its own while the claim is written, so it adds to the
  // answer's time only what it takes beyond the write.
  async submitWithAdvice(
    manager: EntityManager,
    user: AuthUser,
    input: CreateClaimDto,
  ): Promise<ClaimView & SubmissionAdvice> {
    const { claim, duplicates, suggestions } = await this.insert(manager, user, input, {
      advise: true,
    });
    return {
      ...claim,
      claimantSuggestions: await suggestions,
      possibleDuplicates: await duplicates,
    };
  }

  private async insert(
    manager: EntityManager,
    user: AuthUser,
    input: CreateClaimDto,
    { advise = false } = {},
  ): Promise<{
    claim: ClaimView;
    duplicates: Promise<PossibleDuplicate[]>;
    suggestions: Promise<ClaimantSuggestion[]>;
  }> {
    // A claimant or article that does not exist is answered before the insert: only to a
    // confirmed identity.
    if (input.claimantId || input.articleId) requireConfirmedIdentity(user);
    await this.checkClaimant(manager, input.claimantId);
    const article = await this.checkArticleSpan(manager, input);
    const language = input.language ?? article?.language ?? this.config.newsroomLanguage;
    const at = new Date().toISOString();
    const submitted = submittedClaim(randomUUID(), input, user.id, language, at);
    // Neither rejects, so they may run unawaited while the insert fails.
    const duplicates = advise
      ? this.duplicates.find({
          id: submitted.id,
          text: submitted.text,
          searchConfig: textSearchConfigOf(language),
        })
      : Promise.resolve([]);
    const suggestions = advise ? this.claimantSuggestions(submitted) : Promise.resolve([]);
    // The full initial claim, so the claim can be rebuilt from its events alone. A new
    // claim's chain is empty: its first event links to the genesis hash.
    const [event] = linkEvents(
      [
        {
          claimId: submitted.id,
          type: 'claim.submitted',
          actor: actorOf(user),
          toStatus: submitted.status,
          data: { after: submitted },
        },
      ],
      GENESIS_HASH,
      at,
    );
    const [row] = await preparedQueryWithin<ClaimRow>(manager, submitClaimSql(user), [
      ...submitClaimParameters(submitted),
      ...eventParameters(submitted.id, event),
      ...identityCheckParameters(user),
    ]);
    if (!row) throw new UnconfirmedIdentityError();
    return { claim: { ...toClaimSummary(row), sources: [] }, duplicates, suggestions };
  }

  // Claimants the submitted claim's free-text claimant names (by name or alias), so the
  // reporter can link one; none when the claim is linked already or names no one. Never
  // rejects: advice past its bounds, or the database gone for a moment, leaves the
  // suggestions empty (logged) and the submission as it is.
  private async claimantSuggestions(
    claim: Pick<ClaimSummaryView, 'id' | 'claimant' | 'claimantId'>,
  ): Promise<ClaimantSuggestion[]> {
    if (!claim.claimant || claim.claimantId) return [];
    try {
      return await this.claimants.suggest(claim.claimant);
    } catch (error) {
      this.logger.warn(`No claimant suggestions for claim ${claim.id}: ${String(error)}`);
      return [];
    }
  }

  async get(id: string): Promise<ClaimView> {
    const manager = this.dataSource.manager;
    const claim = await findClaim(manager, id);
    if (!claim) throw new DomainError('not-found', `No claim ${id}.`);
    return claimView(manager, claim);
  }

  async edit(
    user: AuthUser,
    id: string,
    precondition: VersionPrecondition | undefined,
    // Or the changes as a function of the locked claim (bulk tag changes build on its tags).
    edits: UpdateClaimDto | ((before: ClaimSummaryView) => UpdateClaimDto),
  ): Promise<ClaimView> {
    return this.dataSource.transaction(async (manager) => {
      const { claim: before } = await lockClaim(manager, id);
      assertMayEdit(user, before);
      assertVersionMatches(precondition, before.version);
      const changes = typeof edits === 'function' ? edits(before) : edits;
      if (changes.claimantId !== before.claimantId) {
        await this.checkClaimant(manager, changes.claimantId);
      }

      const requested: Partial<Record<EditableField, unknown>> = {};
      for (const field of Object.keys(EDITABLE_COLUMNS) as EditableField[]) {
        requested[field] = changes[field];
      }
      const fields = changedFields(before, requested) as EditableField[];
      if (fields.length === 0) return claimView(manager, before);

      const values = fields.map((field) => requested[field]);
      const assignments = fields.map(
        (field, index) => `${EDITABLE_COLUMNS[field]} = $${index + 2}`,
      );
      // A new language re-indexes the claim with that language's text search configuration.
      if (fields.includes('language')) {
        values.push(textSearchConfigOf(requested.language as string));
        assignments.push(`search_config = $${values.length + 1}::regconfig`);
      }
      const [updated] = await preparedQueryWithin<ClaimRow>(
        manager,
        `UPDATE claims AS c
            SET ${assignments.join(', ')}, version = version + 1, updated_at = now()
          WHERE c.id = $1
          RETURNING ${CLAIM_COLUMNS}`,
        [id, ...values],
      );
      const after = toClaimSummary(updated);
      await this.audit.append(manager, {
        claimId: id,
        type: 'claim.edited',
        actor: actorOf(user),
        data: changeOf(before, after, fields),
      });
      return claimView(manager, after);
    });
  }

  // Linking to a claimant that does not exist is the caller's mistake, not a 500 from the
  // foreign key.
  private async checkClaimant(manager: EntityManager, claimantId: string | null | undefined) {
    if (!claimantId) return;
    if (await this.claimants.find(manager, claimantId)) return;
    throw new DomainError('unprocessable', `claimantId: no claimant ${claimantId}.`, {
      errors: [{ field: 'claimantId', message: 'names no claimant' }],
    });
  }

  // A claim may point into an ingested article; the span must lie inside its text. Answers
  // the article, whose language is the claim's unless the request names one.
  private async checkArticleSpan(
    manager: EntityManager,
    input: CreateClaimDto,
  ): Promise<{ language: string } | undefined> {
    if (input.span && !input.articleId) {
      throw invalid('articleId', 'is required when span is given');
    }
    if (input.span && input.span.end <= input.span.start) {
      throw invalid('span', 'end must be greater than start');
    }
    if (!input.articleId) return undefined;
    // Spans are UTF-16 offsets, as the extractor and browsers count them.
    const article = await articleForClaim(manager, input.articleId);
    if (article === undefined) {
      throw new DomainError('unprocessable', `articleId: no article ${input.articleId}.`, {
        errors: [{ field: 'articleId', message: 'names no article' }],
      });
    }
    const { length } = article;
    if (input.span && input.span.end > length) {
      throw new DomainError(
        'unprocessable',
        `span: ends past the article (${length} characters).`,
        {
          errors: [
            {
              field: 'span',
              message: `must lie within the article's ${length} characters`,
            },
          ],
        },
      );
    }
    return article;
  }
}

function invalid(field: string, message: string): DomainError {
  return new DomainError('validation', `${field}: ${message}`, { errors: [{ field, message }] });
}
