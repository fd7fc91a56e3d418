import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAppendService } from '../audit/audit-append.service.js';
import type { AuditEventType } from '../audit/audit-event.js';
import { actorOf } from '../auth/actor.js';
import type { AuthUser } from '../auth/role.js';
import { lockClaim } from '../claims/claim-locks.js';
import { assertClaimExists, findPublishableClaim } from '../claims/claim-reads.js';
import { CLAIMANT_DIRECTORY, type ClaimantDirectory } from '../claims/claimant-directory.js';
import { assertVersionMatches, type VersionPrecondition } from '../common/http/etag.js';
import { DomainError } from '../common/problem/domain-error.js';
import { AppConfig } from '../config/app-config.js';
import { isUniqueViolation } from '../database/postgres-errors.js';
import { DECIDED_STATUSES, isDecided } from '../domain/claim-status.js';
import { CLAIM_REVIEWED_MAX, slugify } from '../domain/publication.js';
import { claimReview } from './claim-review.js';
import { PublicationDraftDto, PublishDto, RetractDto } from './dto/publication.dto.js';
import { PublicationView } from './dto/publication.view.js';
import type {
  PublicationDraft,
  PublicationSnapshot,
  PublishedCorrection,
} from './publication-snapshot.js';
import * as sql from './publication-sql.js';
import {
  assertCited,
  assertPublishable,
  type ClaimToPublish,
  publicUrlOf,
  slugTaken,
  snapshotOf,
  unprocessable,
} from './publication-rules.js';

export interface PublicationPreview {
  snapshot: PublicationSnapshot;
  claimReview: ReturnType<typeof claimReview>;
  corrections: PublishedCorrection[];
}

// Drafts, publications, corrections and retractions of a claim's public fact-check. Every
// write takes the claim's row lock first (claims' lockClaim), so two editors publishing at
// once are serialised and version numbers never repeat; each publish, correction and
// retraction appends an audit event holding the exact ClaimReview in the same transaction.
@Injectable()
export class PublicationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditAppendService,
    @Inject(CLAIMANT_DIRECTORY) private readonly claimants: ClaimantDirectory,
  ) {}

  urlOf(slug: string): string {
    return publicUrlOf(this.config, slug);
  }

  async get(claimId: string): Promise<PublicationView> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await assertClaimExists(manager, claimId);
      const view = await this.viewOf(manager, claimId);
      if (!view) throw new DomainError('not-found', `Claim ${claimId} has no publication yet.`);
      return view;
    });
  }

  async saveDraft(
    user: AuthUser,
    claimId: string,
    precondition: VersionPrecondition | undefined,
    input: PublicationDraftDto,
  ): Promise<{ view: PublicationView; created: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      await lockClaim(manager, claimId);
      const existing = await sql.findPublication(manager, claimId);
      this.assertPrecondition(precondition, existing?.version);
      if (existing?.status === 'retracted') {
        throw new DomainError('conflict', 'This fact-check was retracted; it cannot be edited.');
      }
      const claim = await this.claimToPublish(manager, claimId);
      const draft = this.draftOf(input, claim);
      assertCited(draft.citedSourceIds, claim);
      const slug = await this.slugFor(manager, input, existing, claimId);
      try {
        if (existing) await sql.updateDraft(manager, claimId, slug, draft);
        else await sql.insertDraft(manager, claimId, slug, draft);
      } catch (error) {
        if (!isUniqueViolation(error, 'publications_slug_key')) throw error;
        throw slugTaken(slug);
      }
      return { view: (await this.viewOf(manager, claimId))!, created: !existing };
    });
  }

  // Runs in the caller's transaction (the Idempotency-Key's).
  async publish(
    manager: EntityManager,
    user: AuthUser,
    claimId: string,
    precondition: VersionPrecondition | undefined,
    input: PublishDto,
  ): Promise<PublicationView> {
    const { chainHead } = await lockClaim(manager, claimId);
    const publication = await sql.findPublication(manager, claimId);
    if (!publication) {
      throw new DomainError('conflict', 'Write a draft (PUT …/publication) before publishing.');
    }
    this.assertPrecondition(precondition, publication.version);
    if (publication.status === 'retracted') {
      throw new DomainError('conflict', 'This fact-check was retracted; it stays retracted.');
    }
    const claim = await this.claimToPublish(manager, claimId);
    if (!isDecided(claim.status)) {
      throw new DomainError(
        'conflict',
        `The claim is ${claim.status}; only a decided claim (${DECIDED_STATUSES.join(', ')}) can be published.`,
      );
    }
    const isCorrection = publication.status === 'published';
    if (isCorrection && !input.correction) {
      throw unprocessable(
        'This fact-check is already published: say what changed and why in "correction".',
        ['correction'],
      );
    }
    if (!isCorrection && input.correction) {
      throw unprocessable('Nothing to correct yet: the first publication takes no correction.', [
        'correction',
      ]);
    }
    const draft = publication.draft;
    assertPublishable(claim, draft);
    assertCited(draft.citedSourceIds, claim);
    const versions = await sql.findVersions(manager, claimId);
    const at = new Date().toISOString();
    const snapshot = snapshotOf(
      claim,
      draft,
      publication.slug,
      {
        datePublished: publication.firstPublishedAt ?? at,
        dateModified: isCorrection ? at : null,
      },
      this.config,
    );
    const review = claimReview(snapshot);
    const number = versions.length + 1;
    await sql.insertVersion(manager, claimId, {
      number,
      kind: isCorrection ? 'correction' : 'publication',
      at,
      by: user.id,
      correction: input.correction ?? null,
      snapshot,
      claimReview: review,
    });
    await this.record(manager, user, claimId, chainHead, {
      type: isCorrection ? 'publication.corrected' : 'publication.published',
      data: {
        version: number,
        slug: publication.slug,
        url: snapshot.url,
        ...(isCorrection && { correction: input.correction }),
        claimReview: review,
      },
    });
    return (await this.viewOf(manager, claimId))!;
  }

  // The public page as it would look if the draft were published now; nothing is stored.
  async preview(claimId: string): Promise<PublicationPreview> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await assertClaimExists(manager, claimId);
      const publication = await sql.findPublication(manager, claimId);
      if (!publication) throw new DomainError('not-found', `Claim ${claimId} has no draft yet.`);
      const claim = await this.claimToPublish(manager, claimId);
      if (!isDecided(claim.status)) {
        throw new DomainError('conflict', `The claim is ${claim.status}; decide it first.`);
      }
      assertPublishable(claim, publication.draft);
      const now = new Date().toISOString();
      const snapshot = snapshotOf(
        claim,
        publication.draft,
        publication.slug,
        {
          datePublished: publication.firstPublishedAt ?? now,
          dateModified: publication.firstPublishedAt ? now : null,
        },
        this.config,
      );
      const versions = await sql.findVersions(manager, claimId);
      const corrections = versions
        .filter((version) => version.correction !== null)
        .map((version) => ({ at: version.publishedAt, note: version.correction! }));
      return { snapshot, claimReview: claimReview(snapshot), corrections };
    });
  }

  async retract(
    user: AuthUser,
    claimId: string,
    precondition: VersionPrecondition | undefined,
    input: RetractDto,
  ): Promise<PublicationView> {
    return this.dataSource.transaction(async (manager) => {
      const { chainHead } = await lockClaim(manager, claimId);
      const publication = await sql.findPublication(manager, claimId);
      if (!publication) throw new DomainError('not-found', `Claim ${claimId} has no publication.`);
      this.assertPrecondition(precondition, publication.version);
      if (publication.status !== 'published') {
        throw new DomainError(
          'conflict',
          `The fact-check is ${publication.status}, not published.`,
        );
      }
      const versions = await sql.findVersions(manager, claimId);
      const at = new Date().toISOString();
      await sql.markRetracted(manager, claimId, at, input.reason);
      await this.record(manager, user, claimId, chainHead, {
        type: 'publication.retracted',
        data: {
          slug: publication.slug,
          url: this.urlOf(publication.slug),
          reason: input.reason,
          // What readers saw until now.
          claimReview: versions[versions.length - 1].claimReview,
        },
      });
      return (await this.viewOf(manager, claimId))!;
    });
  }

  private async record(
    manager: EntityManager,
    user: AuthUser,
    claimId: string,
    chainHead: string | null,
    event: { type: AuditEventType; data: Record<string, unknown> },
  ): Promise<void> {
    await this.audit.append(
      manager,
      { claimId, type: event.type, actor: actorOf(user), data: event.data },
      { expectedHead: chainHead },
    );
  }

  private async viewOf(
    manager: EntityManager,
    claimId: string,
  ): Promise<PublicationView | undefined> {
    const row = await sql.findPublication(manager, claimId);
    if (!row) return undefined;
    return {
      status: row.status,
      slug: row.slug,
      url: this.urlOf(row.slug),
      draft: row.draft,
      versions: await sql.findVersions(manager, claimId),
      retraction:
        row.retractedAt && row.retractionReason
          ? { at: row.retractedAt, reason: row.retractionReason }
          : null,
      version: row.version,
    };
  }

  private assertPrecondition(
    precondition: VersionPrecondition | undefined,
    current: number | undefined,
  ): void {
    if (current === undefined) {
      if (precondition && !precondition.any) {
        throw new DomainError('stale-version', 'The claim has no publication to match If-Match.');
      }
      return;
    }
    assertVersionMatches(precondition, current, 'The publication');
  }

  // The claim as read under the caller's lock or snapshot, with its linked claimant.
  private async claimToPublish(manager: EntityManager, claimId: string): Promise<ClaimToPublish> {
    const claim = (await findPublishableClaim(manager, claimId))!;
    const linkedClaimant = claim.claimantId
      ? ((await this.claimants.find(manager, claim.claimantId)) ?? null)
      : null;
    return { ...claim, linkedClaimant };
  }

  private draftOf(input: PublicationDraftDto, claim: ClaimToPublish): PublicationDraft {
    const claimReviewed =
      input.claimReviewed ??
      ([...claim.text].length <= CLAIM_REVIEWED_MAX ? claim.text : undefined);
    if (!claimReviewed) {
      throw unprocessable(
        `The claim text is longer than ${CLAIM_REVIEWED_MAX} characters: write "claimReviewed".`,
        ['claimReviewed'],
      );
    }
    return {
      headline: input.headline,
      summary: input.summary,
      claimReviewed,
      language: input.language ?? this.config.newsroomLanguage,
      claimantType: input.claimantType ?? null,
      claimantSameAs: input.claimantSameAs ?? [],
      citedSourceIds: [...new Set(input.citedSourceIds ?? [])],
    };
  }

  // The slug is the page's address: chosen once, fixed after the first publication. One
  // the editor chose must be free (409); one made from the headline gets the claim's id
  // appended when another fact-check has it already.
  private async slugFor(
    manager: EntityManager,
    input: PublicationDraftDto,
    existing: sql.PublicationRow | undefined,
    claimId: string,
  ): Promise<string> {
    if (existing && existing.status !== 'draft') {
      if (input.slug && input.slug !== existing.slug) {
        throw new DomainError('conflict', 'A published fact-check keeps its address (slug).', {
          errors: [{ field: 'slug', message: 'is fixed once published' }],
        });
      }
      return existing.slug;
    }
    const chosen = input.slug ?? existing?.slug;
    if (chosen) {
      if (await sql.slugTaken(manager, chosen, claimId)) throw slugTaken(chosen);
      return chosen;
    }
    const generated = slugify(input.headline, `fact-check-${claimId.slice(0, 8)}`);
    if (!(await sql.slugTaken(manager, generated, claimId))) return generated;
    return `${generated.slice(0, 71)}-${claimId.slice(0, 8)}`;
  }
}
