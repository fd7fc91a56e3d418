import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/role.js';
import {
  countClaimsFiledFrom,
  findClaimsFiledFrom,
  findSimilarClaims,
  sentencesLookedUp,
} from '../claims/claim-reads.js';
import { IdempotencyService, IdempotentResult } from '../common/idempotency/idempotency.service.js';
import { DomainError } from '../common/problem/domain-error.js';
import { Page, pageOf } from '../common/pagination/cursor.js';
import { createdBefore, createdCursor } from '../common/pagination/newest-first.js';
import { SqlParameters, whereClause } from '../database/sql-parameters.js';
import {
  ARTICLE_COLUMNS,
  ARTICLE_LIST_COLUMNS,
  ArticleListRow,
  ArticleRow,
  ArticleWithCandidatesRow,
  toArticleListItem,
  toArticleView,
} from './article-rows.js';
import { CreateArticleDto } from './dto/article.dto.js';
import { ListArticlesQuery } from './dto/list-articles.query.js';
import {
  ArticleAloneView,
  ArticleListItemView,
  ArticleView,
  ArticleWithCandidatesView,
} from './dto/article.view.js';
import type { Candidate } from './extraction/candidate.js';
import { ExtractionPool } from './extraction-pool.js';
import { extractionFeaturesFor } from './extraction/features.js';
import { AppConfig } from '../config/app-config.js';
import { SentenceLookupBudget } from './sentence-lookup-budget.js';

@Injectable()
export class ArticlesService {
  private readonly lookups = new SentenceLookupBudget();

  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly extraction: ExtractionPool,
    private readonly config: AppConfig,
  ) {}

  // Stores the article with its extracted candidates; `duplicates` are computed now and
  // again on every read, never stored, since claims keep arriving.
  async ingest(
    user: AuthUser,
    key: string | undefined,
    input: CreateArticleDto,
  ): Promise<IdempotentResult<ArticleWithCandidatesView>> {
    const request = { userId: user.id, key, scope: 'POST /articles', body: input };
    // A replay answers from the stored response without extracting again.
    const replayed = await this.idempotency.replay<ArticleWithCandidatesView>(request);
    if (replayed) return replayed;
    // Extraction runs in a worker thread, before the transaction, so it holds no
    // connection; run() looks the key up again under its lock, for concurrent retries.
    const language = input.language ?? this.config.newsroomLanguage;
    const candidates = await this.extraction.extract(input.text, language);
    // Refused here, before the transaction, the ingest stores nothing.
    return this.lookups.during(searchesFor(candidates), () =>
      this.idempotency.run(request, async (manager) => {
        const [row] = (await manager.query(
          `INSERT INTO articles AS a
             (title, url, outlet, published_at, text, candidates, submitted_by, language)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           RETURNING ${ARTICLE_COLUMNS}`,
          [
            input.title ?? null,
            input.url ?? null,
            input.outlet ?? null,
            input.publishedAt ?? null,
            input.text,
            JSON.stringify(candidates),
            user.id,
            language,
          ],
        )) as ArticleRow[];
        // Nothing can be filed from an article before it is committed.
        const body = await withDuplicates(manager, toArticleView(row), candidates, false);
        return { status: 201, body, headers: { location: `/api/v1/articles/${row.id}` } };
      }),
    );
  }

  // Newest first, keyset-paginated on (created_at, id) as the other lists; each with how
  // many claims were filed from it (read in the same snapshot). A search filters the same
  // list with no index of its own to maintain: articles are few beside claims (tens a day).
  async list(query: ListArticlesQuery): Promise<Page<ArticleListItemView>> {
    const p = new SqlParameters();
    const where: string[] = [];
    if (query.q) {
      where.push(
        `position(lower(${p.add(query.q)}) IN lower(concat_ws(' ', a.title, a.outlet, a.url))) > 0`,
      );
    }
    if (query.cursor) where.push(createdBefore(p, query.cursor, 'articles', 'a'));
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const rows = (await manager.query(
        `SELECT ${ARTICLE_LIST_COLUMNS} FROM articles a
          ${whereClause(where)}
          ORDER BY a.created_at DESC, a.id DESC
          LIMIT ${p.add(query.limit + 1)}`,
        p.values,
      )) as ArticleListRow[];
      const filed = await countClaimsFiledFrom(
        manager,
        rows.slice(0, query.limit).map((row) => row.id),
      );
      return pageOf(
        rows,
        query.limit,
        (row) => toArticleListItem(row, filed.get(row.id) ?? 0),
        createdCursor('articles'),
      );
    });
  }

  // The article alone: no candidates to send, no duplicates to look up.
  async getAlone(id: string): Promise<ArticleAloneView> {
    const [row] = (await this.dataSource.query(
      `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id = $1`,
      [id],
    )) as ArticleRow[];
    if (!row) throw new DomainError('not-found', `No article ${id}.`);
    const article = toArticleView(row);
    return { article, features: extractionFeaturesFor(article.language) };
  }

  async get(id: string): Promise<ArticleWithCandidatesView> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `SELECT ${ARTICLE_COLUMNS}, a.candidates FROM articles a WHERE a.id = $1`,
        [id],
      )) as ArticleWithCandidatesRow[];
      if (!row) throw new DomainError('not-found', `No article ${id}.`);
      return this.lookups.during(searchesFor(row.candidates), () =>
        withDuplicates(manager, toArticleView(row), row.candidates, true),
      );
    });
  }
}

// What the candidates' duplicate lookup costs: one search per sentence it looks up.
function searchesFor(candidates: Candidate[]): number {
  return sentencesLookedUp(candidates.map((candidate) => candidate.sentence)).length;
}

// Each candidate with the claims filed from it (same article, same span) and the other
// claims that look like it: a claim filed from the candidate is its own, not a duplicate.
async function withDuplicates(
  manager: EntityManager,
  article: ArticleView,
  candidates: Candidate[],
  lookUpFiled: boolean,
): Promise<ArticleWithCandidatesView> {
  const duplicates = await findSimilarClaims(
    manager,
    candidates.map((c) => c.sentence),
  );
  const filed = lookUpFiled ? await findClaimsFiledFrom(manager, article.id) : [];
  return {
    article,
    features: extractionFeaturesFor(article.language),
    candidates: candidates.map((candidate, i) => {
      const own = filed.filter(
        ({ span }) => span?.start === candidate.span.start && span.end === candidate.span.end,
      );
      const ownIds = new Set(own.map((claim) => claim.id));
      return {
        ...candidate,
        duplicates: duplicates[i]!.filter((duplicate) => !ownIds.has(duplicate.claimId)),
        filed: own.map((claim) => ({ claimId: claim.id, status: claim.status })),
      };
    }),
  };
}
