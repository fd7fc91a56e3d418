import { SqlParameters } from '../database/sql-parameters.js';
import {
  FALLBACK_TEXT_SEARCH_CONFIG,
  TEXT_SEARCH_CONFIG_NAMES,
  textSearchConfigOf,
} from '../domain/languages.js';

// Full-text search over claims in many languages (SPEC §15, docs/languages.md). Each claim's
// `search` vector is built with its own language's configuration (search_config), so a
// query must be parsed the same way to match it:
// - the index condition ORs the query as parsed by every configuration claims may use, a
//   constant tsquery the GIN index claims_search_idx answers;
// - the recheck matches the query as parsed by the row's own configuration, so a Spanish
//   stem of an English query word cannot match an English claim. It picks among the same
//   parsed queries with a CASE, which PostgreSQL folds to constants once per statement,
//   rather than parsing the query again for every row;
// - with ?language= (which the caller filters on too) every row has that language's
//   configuration, so the one parsed query is both index condition and match;
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
  const parsed = (config: string) => `websearch_to_tsquery('${config}'::regconfig, ${query})`;
  const configs = language ? [textSearchConfigOf(language)] : TEXT_SEARCH_CONFIG_NAMES;
  const fullText =
    configs.length === 1
      ? `${alias}.search @@ ${parsed(configs[0]!)}`
      : `${alias}.search @@ (${configs.map(parsed).join(' || ')})` +
        ` AND ${alias}.search @@ CASE ${alias}.search_config ` +
        configs.map((config) => `WHEN '${config}'::regconfig THEN ${parsed(config)}`).join(' ') +
        ' END';
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
