-- The index review of bench/README.md: each query of the service that an index on the
-- write path serves, spelled as src/ spells it (the select lists shortened to c.* where
-- they do not change the plan), with sample parameters read from the database itself.
-- Run on a seeded database (BENCH_KEEP_DATABASE=1 npm run bench -- --quick prints its URL):
--   psql "$KEPT_DATABASE_URL" -X -f bench/index-review.sql
\set QUIET on
\pset pager off
SELECT id AS claim, id::text AS chain, submitted_by AS submitter FROM claims
 WHERE status = 'in_review' ORDER BY created_at DESC LIMIT 1 \gset
SELECT assignee_id AS assignee FROM claims WHERE assignee_id IS NOT NULL LIMIT 1 \gset
-- The rarest claimant: a filter that selects a few claims, as a newsroom's usually does.
SELECT claimant FROM claims WHERE claimant IS NOT NULL
 GROUP BY claimant ORDER BY count(*), claimant LIMIT 1 \gset
SELECT actor_id AS actor, seq AS mid_seq, xid::text AS xid FROM audit_events
 WHERE xid IS NOT NULL ORDER BY seq DESC LIMIT 1 OFFSET 1000 \gset
SELECT token_hash FROM api_tokens LIMIT 1 \gset
-- A claimant with few claims, a claim others were merged into, a language few claims have
-- (a random id or 'xx' where the database has none, which plans the same).
SELECT coalesce((SELECT claimant_id FROM claims WHERE claimant_id IS NOT NULL
                  GROUP BY claimant_id ORDER BY count(*), claimant_id LIMIT 1),
                gen_random_uuid()) AS claimant_id \gset
SELECT coalesce((SELECT merged_into FROM claims WHERE merged_into IS NOT NULL LIMIT 1),
                gen_random_uuid()) AS merge_target \gset
SELECT coalesce((SELECT language FROM claims GROUP BY language ORDER BY count(*), language
                  LIMIT 1), 'xx') AS language \gset
\set QUIET off

\echo '== claims_pkey: a claim by id (GET /claims/:id, the transition lock, claim-reads.ts)'
EXPLAIN SELECT c.* FROM claims c WHERE c.id = :'claim' FOR UPDATE OF c;

\echo '== claims_created_idx: GET /claims, default sort -createdAt (claim-listing.service.ts)'
EXPLAIN SELECT c.* FROM claims c ORDER BY c.created_at DESC, c.id DESC LIMIT 51;

\echo '== claims_status_created_idx: GET /claims?status=in_review, deep page (the scale scenario)'
EXPLAIN SELECT c.* FROM claims c
 WHERE c.status = 'in_review' AND (c.created_at, c.id) < (now() - interval '30 days', :'claim')
 ORDER BY c.created_at DESC, c.id DESC LIMIT 51;

\echo '== claims_status_created_idx: the desk status counts (claim-reads.ts statusCounts)'
EXPLAIN SELECT status, count(*) AS count FROM claims GROUP BY status;

\echo '== claims_priority_created_idx: GET /claims?sort=-priority'
EXPLAIN SELECT c.* FROM claims c ORDER BY c.priority_rank DESC, c.created_at DESC, c.id DESC LIMIT 51;

\echo '== claims_queue_idx: GET /review-queue (sort=queue)'
EXPLAIN SELECT c.* FROM claims c WHERE c.status IN ('submitted', 'in_review')
 ORDER BY c.priority_rank DESC, c.created_at, c.id LIMIT 51;

\echo '== claims_queue_due_idx: GET /review-queue?sort=due&overdue=true'
EXPLAIN SELECT c.* FROM claims c WHERE c.status IN ('submitted', 'in_review')
   AND coalesce(c.due_at, 'infinity'::timestamptz) < now()
 ORDER BY coalesce(c.due_at, 'infinity'::timestamptz), c.priority_rank DESC, c.created_at, c.id
 LIMIT 51;

\echo '== claims_submitted_by_idx: GET /claims?submittedBy='
EXPLAIN SELECT c.* FROM claims c WHERE c.submitted_by = :'submitter'
 ORDER BY c.created_at DESC, c.id DESC LIMIT 51;

\echo '== claims_assignee_idx: GET /claims?assigneeId='
EXPLAIN SELECT c.* FROM claims c WHERE c.assignee_id = :'assignee'
 ORDER BY c.created_at DESC, c.id DESC LIMIT 51;

\echo '== claims_assignee_idx: GET /review-queue?mine=true'
EXPLAIN SELECT c.* FROM claims c WHERE c.status IN ('submitted', 'in_review')
   AND c.assignee_id = :'assignee'
 ORDER BY c.priority_rank DESC, c.created_at, c.id LIMIT 51;

\echo '== claims_claimant_idx: GET /claims?claimant='
EXPLAIN SELECT c.* FROM claims c WHERE lower(c.claimant) = lower(:'claimant')
 ORDER BY c.created_at DESC, c.id DESC LIMIT 51;

\echo '== claims_tags_idx: GET /claims?tag= (a rare tag)'
EXPLAIN SELECT c.* FROM claims c WHERE c.tags @> ARRAY['election-2026']::text[]
 ORDER BY c.created_at DESC, c.id DESC LIMIT 51;

\echo '== claims_search_idx: GET /claims?q='
EXPLAIN SELECT c.* FROM claims c
 WHERE c.search @@ websearch_to_tsquery('english', 'ministry turnout')
 ORDER BY c.created_at DESC, c.id DESC LIMIT 51;

\echo '== claims_text_trgm_idx: duplicates of an article''s candidates (findSimilarClaims)'
BEGIN;
SET LOCAL pg_trgm.similarity_threshold = 0.6;
EXPLAIN SELECT s.ord::int AS ord, d.id, d.similarity
  FROM unnest(ARRAY['Officials said 1234 people were displaced in district 7 after the floods.'])
       WITH ORDINALITY AS s (sentence, ord)
 CROSS JOIN LATERAL (
   SELECT c.id, similarity(c.text, s.sentence) AS similarity FROM claims c
    WHERE c.text % s.sentence ORDER BY similarity DESC, c.id LIMIT 3) d
 ORDER BY s.ord, d.similarity DESC, d.id;
COMMIT;

\echo '== claims_article_idx (article_id) WHERE article_id IS NOT NULL: the claims filed from articles (claim-reads.ts)'
EXPLAIN SELECT c.id, c.status, c.span_start, c.span_end FROM claims c
  WHERE c.article_id = (SELECT id FROM articles ORDER BY created_at DESC LIMIT 1)
  ORDER BY c.created_at, c.id;
EXPLAIN SELECT c.article_id, count(*)::int FROM claims c
  WHERE c.article_id = ANY(ARRAY(SELECT id FROM articles ORDER BY created_at DESC, id DESC LIMIT 50))
  GROUP BY c.article_id;

\echo '== articles_created_idx (created_at, id): GET /articles, newest first'
EXPLAIN SELECT a.id, a.title, left(a.text, 240) AS excerpt, a.candidate_count FROM articles a
  ORDER BY a.created_at DESC, a.id DESC LIMIT 51;

\echo '== audit_events_pkey: GET /audit/events and the export, keyset on seq'
EXPLAIN SELECT * FROM audit_events WHERE seq > :mid_seq ORDER BY audit_events.seq LIMIT 101;

\echo '== audit_events_chain_idx: the chain head (audit-event-sql.ts, under the claim lock)'
EXPLAIN SELECT hash FROM audit_events WHERE chain = :'chain' ORDER BY seq DESC LIMIT 1;

\echo '== audit_events_chain_idx: GET /claims/:id/history, GET /audit/events?claimId='
EXPLAIN SELECT * FROM audit_events WHERE chain = :'chain' ORDER BY audit_events.seq;

\echo '== audit_events_chain_idx: the digest''s chain heads (audit-digest.service.ts)'
EXPLAIN SELECT DISTINCT ON (chain) chain, seq::text AS seq, hash AS head
  FROM audit_events ORDER BY audit_events.chain, audit_events.seq DESC;

\echo '== audit_events_actor_idx: GET /audit/events?actorId='
EXPLAIN SELECT * FROM audit_events WHERE actor_id = :'actor' ORDER BY audit_events.seq LIMIT 101;

\echo '== audit_events_type_idx: GET /audit/events?type= (a rare type)'
EXPLAIN SELECT * FROM audit_events WHERE type = 'user.created' ORDER BY audit_events.seq LIMIT 101;

\echo '== audit_events_at_idx: GET /audit/events?from=&to= (one day)'
EXPLAIN SELECT * FROM audit_events
 WHERE at >= now() - interval '200 days' AND at < now() - interval '199 days'
 ORDER BY audit_events.seq LIMIT 101;

\echo '== audit_events_xid_idx: the webhook cursor (events/delivery-queue.ts readEventWindow)'
EXPLAIN SELECT * FROM audit_events
 WHERE (xid, seq) > (:'xid'::xid8, :mid_seq::bigint) AND xid < pg_current_xact_id()
 ORDER BY xid, seq LIMIT 100;

\echo '== audit_events_chain_link_key, audit_events_id_key: no query reads them; they refuse a fork and a repeated event id'
\echo '== audit_events_hash_key: no query reads it; a repeated hash means a repeated id (the hash covers it), already refused'

\echo '== claims_claimant_id_idx: GET /claims?claimantId= (claim-listing.service.ts)'
EXPLAIN SELECT c.* FROM claims c WHERE c.claimant_id = :'claimant_id'
 ORDER BY c.created_at DESC, c.id DESC LIMIT 51;

\echo '== claims_claimant_id_idx: a claimant''s latest claims and track record (claim-reads.ts)'
EXPLAIN SELECT c.* FROM claims c WHERE c.claimant_id = :'claimant_id'
 ORDER BY c.created_at DESC, c.id DESC LIMIT 5;
EXPLAIN SELECT status, count(*) AS count FROM claims
 WHERE claimant_id = :'claimant_id'
   AND status = ANY (ARRAY['verified', 'disputed', 'refuted', 'unverifiable'])
 GROUP BY status;

\echo '== claims_merged_into_idx: a publication''s merged appearances (merge-sql.ts)'
EXPLAIN WITH RECURSIVE merged (id) AS (
         SELECT id FROM claims WHERE merged_into = :'merge_target'
         UNION
         SELECT c.id FROM claims c JOIN merged m ON c.merged_into = m.id
       )
       SELECT DISTINCT url FROM (
         SELECT c.appearance_url AS url FROM claims c JOIN merged m ON m.id = c.id
         UNION ALL
         SELECT a.url FROM claims c JOIN merged m ON m.id = c.id JOIN articles a ON a.id = c.article_id
       ) appearances
      WHERE url IS NOT NULL
      ORDER BY url;

\echo '== claims_language_idx: GET /claims?language= (claim-search.ts)'
EXPLAIN SELECT c.* FROM claims c
 WHERE (c.language = :'language' OR c.language LIKE :'language' || '-%')
 ORDER BY c.created_at DESC, c.id DESC LIMIT 51;

-- The tables below hold a handful of rows in a seeded database, where a sequential scan
-- is cheapest; with it off, the plan shows the index that serves the query once they grow.
SET enable_seqscan = off;

\echo '== api_tokens_token_hash_key: the token lookup (auth/token-sql.ts)'
EXPLAIN SELECT t.id, t.user_id FROM api_tokens t
 WHERE t.token_hash = :'token_hash' AND t.revoked_at IS NULL;

\echo '== api_tokens_user_id_idx: revoking a deactivated user''s tokens (tokens.service.ts)'
EXPLAIN UPDATE api_tokens SET revoked_at = now() WHERE user_id = :'submitter' AND revoked_at IS NULL;

\echo '== claim_sources_pkey: a transition''s evidence count, a claim''s sources'
EXPLAIN SELECT count(*) FILTER (WHERE stance = 'supports') FROM claim_sources WHERE claim_id = :'claim';

\echo '== claim_sources_source_idx: claims citing a source (claim-reads.ts)'
EXPLAIN SELECT c.id, c.text, c.status, cs.stance, cs.note
  FROM claim_sources cs JOIN claims c ON c.id = cs.claim_id
 WHERE cs.source_id = (SELECT id FROM sources LIMIT 1)
 ORDER BY cs.attached_at DESC, c.id LIMIT 20;

\echo '== comments_claim_idx: a claim''s comments (comments.service.ts)'
EXPLAIN SELECT m.* FROM comments m JOIN users u ON u.id = m.author_id
 WHERE m.claim_id = :'claim' ORDER BY m.created_at, m.id LIMIT 51;

\echo '== idempotency_keys_pkey: a key''s replay (idempotency.service.ts)'
EXPLAIN SELECT * FROM idempotency_keys WHERE user_id = :'submitter' AND key = 'k-1';

\echo '== idempotency_keys_created_idx: the hourly prune'
EXPLAIN DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => 24);

\echo '== claim_word_frequencies_pkey: the duplicate lookup''s word counts (possible-duplicates-sql.ts, its first CTE),'
\echo '   with the settings of the lookup''s connections'
SET enable_seqscan = off;
EXPLAIN SELECT w.lexeme, f.frequency
  FROM unnest(to_tsvector('english', 'The mayor said 1441 civilians went missing in Zhdanvel')) AS w
  LEFT JOIN claim_word_frequencies f ON f.lexeme = w.lexeme;
RESET enable_seqscan;
