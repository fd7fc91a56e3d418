import { InitialSchema1764000000000 } from './1764000000000-initial-schema.js';
import { IdempotencyResponseHeaders1764000000400 } from './1764000000400-idempotency-response-headers.js';
import { Webhooks1764000000600 } from './1764000000600-webhooks.js';
import { TokenExpiry1764000001400 } from './1764000001400-token-expiry.js';
import { Publications1764000002000 } from './1764000002000-publications.js';
import { TeamWorkflow1764000002200 } from './1764000002200-team-workflow.js';
import { Claimants1764002400000 } from './1764002400000-claimants.js';
import { ClaimMerge1764002500000 } from './1764002500000-claim-merge.js';
import { Languages1764002600000 } from './1764002600000-languages.js';
import { Identity1764002700000 } from './1764002700000-identity.js';
import { DropUnusedIndexes1764002900000 } from './1764002900000-drop-unused-indexes.js';
import { SearchPendingList1764003000000 } from './1764003000000-search-pending-list.js';
import { WordStatistics1764003100000 } from './1764003100000-word-statistics.js';
import { WordFrequencies1764003200000 } from './1764003200000-word-frequencies.js';
import { ArticleList1764003300000 } from './1764003300000-article-list.js';

// Every migration, in order. Listed by hand (not globbed) so a reviewer sees exactly what runs.
export const migrations = [
  InitialSchema1764000000000,
  IdempotencyResponseHeaders1764000000400,
  Webhooks1764000000600,
  TokenExpiry1764000001400,
  Publications1764000002000,
  TeamWorkflow1764000002200,
  Claimants1764002400000,
  ClaimMerge1764002500000,
  Languages1764002600000,
  Identity1764002700000,
  DropUnusedIndexes1764002900000,
  SearchPendingList1764003000000,
  WordStatistics1764003100000,
  WordFrequencies1764003200000,
  ArticleList1764003300000,
];
