import type { Candidate } from './extraction/candidate.js';
import { timestampKey } from '../common/pagination/cursor.js';
import type { ArticleListItemView, ArticleView } from './dto/article.view.js';

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

// Everything the article view and a list item share: all but the text.
const articleFields = (row: Omit<ArticleRow, 'text'>): Omit<ArticleView, 'text'> => ({
  id: row.id,
  title: row.title,
  url: row.url,
  outlet: row.outlet,
  publishedAt: row.published_at?.toISOString() ?? null,
  language: row.language,
  submittedBy: row.submitted_by,
  createdAt: row.created_at.toISOString(),
});

export const toArticleView = (row: ArticleRow): ArticleView => ({
  ...articleFields(row),
  text: row.text,
});

// A list item's columns: the text cut to an excerpt, the candidates to their count.
export const ARTICLE_LIST_COLUMNS = `
  a.id, a.title, a.url, a.outlet, a.published_at, a.language, left(a.text, 240) AS excerpt,
  a.candidate_count, a.submitted_by, a.created_at, ${timestampKey('a.created_at')} AS created_key`;

export interface ArticleListRow extends Omit<ArticleRow, 'text'> {
  excerpt: string;
  candidate_count: number;
  created_key: string;
}

export const toArticleListItem = (
  row: ArticleListRow,
  claimCount: number,
): ArticleListItemView => ({
  ...articleFields(row),
  excerpt: row.excerpt,
  candidateCount: row.candidate_count,
  claimCount,
});
