import type { Candidate } from './extraction/candidate.js';
import type { ArticleView } from './dto/article.view.js';

export const ARTICLE_COLUMNS = `
  a.id, a.title, a.url, a.outlet, a.published_at, a.language, a.text, a.submitted_by,
  a.created_at`;

export interface ArticleRow {
  id: string;
  title: string | null;
  url: string | null;
  outlet: string | null;
  published_at: Date | null;
  language: string;
  text: string;
  submitted_by: string;
  created_at: Date;
}

export interface ArticleWithCandidatesRow extends ArticleRow {
  candidates: Candidate[];
}

export const toArticleView = (row: ArticleRow): ArticleView => ({
  id: row.id,
  title: row.title,
  url: row.url,
  outlet: row.outlet,
  publishedAt: row.published_at?.toISOString() ?? null,
  language: row.language,
  text: row.text,
  submittedBy: row.submitted_by,
  createdAt: row.created_at.toISOString(),
});
