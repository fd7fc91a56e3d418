import { SqlParameters } from '../database/sql-parameters.js';
import {
  FALLBACK_TEXT_SEARCH_CONFIG,
  TEXT_SEARCH_CONFIG_NAMES,
  textSearchConfigOf,
} from '../domain/languages.js';

// Full-text search over claims in many languages (SPEC §15, docs/languages.md). Each claim's
// `search` vector is built with its own language's configuration (search_config), so a
// query must be parsed the same way to match it:
// - the index condition ORs the query as parsed by every configuration the claims may use
//   (only the requested language's, with ?language=), a constant tsquery the GIN index
//   claims_search_idx answers;
// - the recheck parses the query with the row's own configuration, so a Spanish stem of an
//   English query word cannot match an English claim;
// - claims in languages without a stemmer (`simple`, e.g. Ukrainian) also match by trigram
//   word similarity (pg_trgm `<%`, default threshold 0.6, index claims_text_trgm_idx), which
//   stands in for stemming: "цивільні" finds "цивільних".
export function claimSearchCondition(
  p: SqlParameters,
  q: string,
  language?: string,
  alias = 'c',
): string {
  const query = p.add(q);
  const configs = language ? [textSearchConfigOf(language)] : TEXT_SEARCH_CONFIG_NAMES;
  const anyConfig = configs
    .map((config) => `websearch_to_tsquery('${config}'::regconfig, ${query})`)
    .join(' || ');
  const fullText =
    `${alias}.search @@ (${anyConfig})` +
    ` AND ${alias}.search @@ websearch_to_tsquery(${alias}.search_config, ${query})`;
  const fallback = `'${FALLBACK_TEXT_SEARCH_CONFIG}'::regconfig`;
  const trigram = `${alias}.search_config = ${fallback} AND ${query} <% ${alias}.text`;
  return configs.includes(FALLBACK_TEXT_SEARCH_CONFIG)
    ? `((${fullText}) OR (${trigram}))`
    : `(${fullText})`;
}

// ?language=uk: claims in Ukrainian whatever their region or script (uk, uk-UA), as BCP 47
// basic filtering (RFC 4647) matches a range. The tag is canonical, so it holds no % or _.
export function claimLanguageCondition(p: SqlParameters, language: string, alias = 'c'): string {
  return `(${alias}.language = ${p.add(language)} OR ${alias}.language LIKE ${p.add(`${language}-%`)})`;
}
