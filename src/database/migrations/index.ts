import { InitialSchema1764000000000 } from './1764000000000-initial-schema.js';
import { IdempotencyResponseHeaders1764000000400 } from './1764000000400-idempotency-response-headers.js';
import { Webhooks1764000000600 } from './1764000000600-webhooks.js';
import { TokenExpiry1764000001400 } from './1764000001400-token-expiry.js';
import { Publications1764000002000 } from './1764000002000-publications.js';
import { TeamWorkflow1764000002200 } from './1764000002200-team-workflow.js';
import { Identity1764002700000 } from './1764002700000-identity.js';

// Every migration, in order. Listed by hand (not globbed) so a reviewer sees exactly what runs.
export const migrations = [
  InitialSchema1764000000000,
  IdempotencyResponseHeaders1764000000400,
  Webhooks1764000000600,
  TokenExpiry1764000001400,
  Publications1764000002000,
  TeamWorkflow1764000002200,
  Identity1764002700000,
];
