import { randomBytes } from 'node:crypto';
import { ADMIN_TOKEN } from '../../support/app-process.js';
import { createScratchDatabase } from '../../support/scratch-database.js';
import { client } from '../../support/http.js';

// The environment every events spec runs the service with: loopback receivers allowed,
// a short retry schedule, and a fixed key so several processes share secrets.
export const WEBHOOK_ENV = {
  WEBHOOK_ALLOW_PRIVATE: 'true',
  WEBHOOK_RETRY_SCHEDULE: '200ms,200ms,200ms',
  WEBHOOK_SECRET_KEY: 'test-webhook-secret-key-0123456789abcdef',
  PUBLIC_BASE_URL: 'https://desk.newsroom.test',
};

export async function subscribe(baseUrl: string, body: Record<string, unknown>) {
  const response = await client(baseUrl, ADMIN_TOKEN).post('/api/v1/webhooks', {
    body: { events: ['*'], description: `hook ${randomBytes(3).toString('hex')}`, ...body },
  });
  if (response.status !== 201) {
    throw new Error(`could not subscribe: ${response.status} ${response.text}`);
  }
  return response.body as { id: string; secret: string; url: string };
}

export async function deliveriesOf(baseUrl: string, webhookId: string) {
  const response = await client(baseUrl, ADMIN_TOKEN).get(
    `/api/v1/webhooks/${webhookId}/deliveries?limit=200`,
  );
  if (response.status !== 200) throw new Error(`deliveries: ${response.status} ${response.text}`);
  return response.body.items as {
    id: string;
    messageId: string;
    status: string;
    type: string;
    lastStatusCode: number | null;
    attempts: {
      statusCode: number | null;
      durationMs: number;
      error: string | null;
      responseBody: string | null;
    }[];
  }[];
}

// The audit export as NDJSON lines parsed, keyed by event id.
export async function exportedEvents(baseUrl: string) {
  const response = await client(baseUrl, ADMIN_TOKEN).get('/api/v1/audit/export?format=ndjson');
  if (response.status !== 200) throw new Error(`export: ${response.status}`);
  const events = response.text
    .split(/\r?\n/)
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { id: string; seq: string; type: string });
  return new Map(events.map((event) => [event.id, event]));
}

// A database of the spec's own: other specs' claims do not reach its subscriptions, and
// their long transactions (a seeded history) do not hold its deliveries back.
export async function webhookDatabase() {
  const database = await createScratchDatabase();
  return { ...database, env: { ...WEBHOOK_ENV, DATABASE_URL: database.url } };
}
