import type { ClaimStatus } from '../../domain/claim-status.js';

// The duplicate lookup's statement, apart from the code that runs it, so the benchmark's
// baseline runs exactly this (as it does claim-sql.ts's). Why it looks the way it does is
// in docs/duplicates.md.

export const POSSIBLE_DUPLICATE_SIMILARITY = 0.5;
export const MAX_POSSIBLE_DUPLICATES = 5;
// How many of the new text's words look for candidates, rarest first; a candidate must
// hold at least two of them (one when the text has fewer than three words).
export const CANDIDATE_WORDS = 6;
// Words in more than this share of claims ("said" on a desk of quotes) tell claims apart
// too little to find candidates by, unless the text has hardly any others.
export const COMMON_WORD_FREQUENCY = 0.1;
// At most this many candidates are scored. Only a desk whose claims nearly all share the
// same words (thousands of copies of one template) has more; it is then shown similar
// claims from the first this many, not necessarily the most similar of all.
export const MAX_CANDIDATES = 500;
// Scoring stops once this many candidates reach the threshold, and the best five of them
// are answered: a burst of near-identical submissions (one statement pasted a hundred
// times) then costs a few dozen scores, not MAX_CANDIDATES.
export const MAX_SIMILAR_FOUND = 20;

export interface PossibleDuplicate {
  id: string;
  similarity: number;
  status: ClaimStatus;
}

// $1 the new claim's text, $2 its id (left out: it may already be committed when this
// runs), $3 its text search configuration (as stored in claims.search_config).
//
// The measure is pg_trgm's similarity() ≥ 0.5. The trigram index cannot find those rows
// cheaply: every English text shares its common trigrams ("the", " sa", "ed ") with most
// claims, and GIN then walks those trigrams' posting lists for every candidate — tens of
// milliseconds at 100,000 claims, whatever the corpus. A claim that is ≥ 0.5 similar shares
// most of its words, so candidates come from the claims' word index instead
// (claims_search_idx): the claims holding two of the new text's six rarest words (leaving
// out words most claims hold, while the text has others). Rarity comes from the statistics
// ANALYZE keeps on that column (pg_stats.most_common_elems: the lexemes frequent enough to
// be counted), as copied into claim_word_frequencies after each ANALYZE (migration
// 1764003200000: read from pg_stats, they cost each lookup a third of its time); words
// not counted there are rarer than any that are, and the longer of them go first. A pair
// of words that go together ("water pumps", "prime minister") matches as many claims as
// its rarer word, so a pair is asked for only when that word is held by at most
// MAX_CANDIDATES claims (its counted frequency times the table's row estimate; an
// uncounted word always qualifies) — unless no pair qualifies, when all are asked for, as
// for a text of common words only. pg_trgm then scores only those candidates, each once
// (OFFSET 0 keeps the planner from computing similarity() for the filter and again for the
// output), at most MAX_CANDIDATES of them, and stops at MAX_SIMILAR_FOUND similar ones.
export const POSSIBLE_DUPLICATES_SQL = `WITH words AS (
  SELECT w.lexeme, f.frequency
    FROM unnest(to_tsvector($3::regconfig, $1)) AS w
    LEFT JOIN claim_word_frequencies f ON f.lexeme = w.lexeme
),
telling_words AS (
  SELECT '''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || '''' AS term,
         frequency,
         row_number() OVER (ORDER BY frequency NULLS FIRST, length(lexeme) DESC, lexeme) AS rarity
    FROM words
   WHERE coalesce(frequency, 0) <= ${COMMON_WORD_FREQUENCY}
      OR (SELECT count(*) FROM words WHERE coalesce(frequency, 0) <= ${COMMON_WORD_FREQUENCY}) < 2
),
word_pairs AS (
  SELECT '(' || a.term || ' & ' || b.term || ')' AS pair,
         least(coalesce(a.frequency, 0), coalesce(b.frequency, 0))
           * (SELECT greatest(reltuples, 0) FROM pg_class WHERE oid = 'claims'::regclass) AS at_most
    FROM telling_words a
    JOIN telling_words b ON a.rarity < b.rarity AND b.rarity <= ${CANDIDATE_WORDS}
),
candidate_query AS (
  SELECT CASE
           WHEN count(*) < 3 THEN string_agg(term, ' | ')
           ELSE coalesce((SELECT string_agg(pair, ' | ') FROM word_pairs WHERE at_most <= ${MAX_CANDIDATES}),
                         (SELECT string_agg(pair, ' | ') FROM word_pairs))
         END::tsquery AS query
    FROM telling_words
   WHERE rarity <= ${CANDIDATE_WORDS}
)
SELECT id, similarity, status
  FROM (SELECT id, similarity, status
          FROM (SELECT c.id, similarity(c.text, $1) AS similarity, c.status
                  FROM (SELECT id, text, status
                          FROM claims
                         WHERE search @@ (SELECT coalesce(query, ''::tsquery) FROM candidate_query)
                           AND id <> $2 AND status NOT IN ('merged', 'withdrawn')
                         LIMIT ${MAX_CANDIDATES}) AS c
                OFFSET 0) AS scored
         WHERE similarity >= ${POSSIBLE_DUPLICATE_SIMILARITY}
         LIMIT ${MAX_SIMILAR_FOUND}) AS found
 ORDER BY similarity DESC, id
 LIMIT ${MAX_POSSIBLE_DUPLICATES}`;
