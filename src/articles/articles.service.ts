import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/role.js';
import { findSimilarClaims, sentencesLookedUp } from '../claims/claim-reads.js';
import { IdempotencyService, IdempotentResult } from '../common/idempotency/idempotency.service.js';
import { DomainError } from '../common/problem/domain-error.js';
import {
  ARTICLE_COLUMNS,
  ArticleRow,
  ArticleWithCandidatesRow,
  toArticleView,
} from './article-rows.js';
import { CreateArticleDto } from './dto/article.dto.js';
import { ArticleAloneView, ArticleView, ArticleWithCandidatesView } from './dto/article.view.js';
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
        const body = await withDuplicates(manager, toArticleView(row), candidates);
        return { status: 201, body, headers: { location: `/api/v1/articles/${row.id}` } };
      }),
    );
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
        withDuplicates(manager, toArticleView(row), row.candidates),
      );
    });
  }
}

// What the candidates' duplicate lookup costs: one search per sentence it looks up.
function searchesFor(candidates: Candidate[]): number {
  return sentencesLookedUp(candidates.map((candidate) => candidate.sentence)).length;
}

async function withDuplicates(
  manager: EntityManager,
  article: ArticleView,
  candidates: Candidate[],
): Promise<ArticleWithCandidatesView> {
  const duplicates = await findSimilarClaims(
    manager,
    candidates.map((c) => c.sentence),
  );
  return {
    article,
    features: extractionFeaturesFor(article.language),
    candidates: candidates.map((candidate, i) => ({ ...candidate, duplicates: duplicates[i]! })),
  };
}
