import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { verifyExportFile } from '../../src/audit/verify/verify-export-file.js';
import { ADMIN_TOKEN, AppProcess, startApp } from '../support/app-process.js';
import { submitClaim, uniqueTag } from '../support/claims.js';
import { client } from '../support/http.js';
import { createUser, TestUser } from '../support/people.js';
import { pollUntil } from '../support/poll.js';
import { Receiver, sleep, startReceiver, verified } from './support/receiver.js';
import { deliveriesOf, subscribe, webhookDatabase } from './support/webhooks.js';

// SPEC §13's API: subscriptions, the secret shown once, changes on the record, event
// selection, pings, the delivery log and redelivery.
describe('webhooks API', () => {
  let app: AppProcess;
  let reporter: TestUser;
  let database: Awaited<ReturnType<typeof webhookDatabase>>;
  const admin = () => client(app.url, ADMIN_TOKEN);
  const receivers: Receiver[] = [];
  const receiver = async () => {
    const started = await startReceiver();
    receivers.push(started);
    return started;
  };

  beforeAll(async () => {
    database = await webhookDatabase();
    app = await startApp({ env: database.env });
    reporter = await createUser(app.url, ['reporter']);
  });
  afterAll(async () => {
    await Promise.all(receivers.map((started) => started.close()));
    await app?.stop();
    await database?.drop();
  });

  it('shows the secret once and records every change in the system chain', async () => {
    const hook = await receiver();
    const created = await admin().post('/api/v1/webhooks', {
      body: { url: hook.url, events: ['claim.*'], description: 'CMS' },
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(created.body).toMatchObject({ format: 'standard', active: true, filter: {} });
    const id = created.body.id as string;

    const read = await admin().get(`/api/v1/webhooks/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.secret).toBeUndefined();
    expect(read.text).not.toContain(created.body.secret.slice(6, 20));
    const listed = await admin().get('/api/v1/webhooks');
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(id);

    const patched = await admin().patch(`/api/v1/webhooks/${id}`, {
      body: { events: ['claim.transitioned'], active: false, filter: { priority: ['urgent'] } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ events: ['claim.transitioned'], active: false });
    expect((await admin().delete(`/api/v1/webhooks/${id}`)).status).toBe(204);
    expect((await admin().get(`/api/v1/webhooks/${id}`)).status).toBe(404);

    const events: { type: string; claimId: string | null; data: Record<string, any> }[] = [];
    for (const type of ['webhook.created', 'webhook.updated', 'webhook.deleted']) {
      const page = await admin().get(`/api/v1/audit/events?limit=200&type=${type}`);
      expect(page.status).toBe(200);
      events.push(...page.body.items);
    }
    const mine = events.filter((event) => event.data.webhookId === id);
    expect(mine.map((event) => event.type)).toEqual([
      'webhook.created',
      'webhook.updated',
      'webhook.deleted',
    ]);
    expect(mine.every((event) => event.claimId === null)).toBe(true);
    expect(JSON.stringify(mine)).not.toContain(created.body.secret);
    expect(mine[1].data).toMatchObject({ before: { active: true }, after: { active: false } });
  });

  it('leaves an export with webhook events verifiable by audit:verify', async () => {
    const hook = await receiver();
    const created = await subscribe(app.url, { url: hook.url, events: ['claim.*'] });
    await admin().patch(`/api/v1/webhooks/${created.id}`, { body: { description: 'renamed' } });
    await admin().delete(`/api/v1/webhooks/${created.id}`);
    const exported = await admin().get('/api/v1/audit/export?format=ndjson');
    expect(exported.text).toContain('"webhook.deleted"');
    const dir = await mkdtemp(join(tmpdir(), 'claimdesk-webhooks-'));
    try {
      await writeFile(join(dir, 'export.ndjson'), exported.text);
      const outcome = await verifyExportFile(join(dir, 'export.ndjson'));
      expect(outcome.failure).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('accepts a given secret and signs with it', async () => {
    const hook = await receiver();
    const secret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
    const created = await subscribe(app.url, {
      url: hook.url,
      events: ['claim.submitted'],
      secret,
    });
    expect(created.secret).toBe(secret);
    await submitClaim(app.url, reporter);
    await hook.waitFor((received) => received.length >= 1);
    expect(() => verified(secret, hook.received[0])).not.toThrow();
  });

  it('refuses bad input with a problem naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ url: 'not a url', events: ['*'] }, 'url'],
      [{ url: 'http://127.0.0.1:9/x', events: [] }, 'events'],
      [{ url: 'http://127.0.0.1:9/x', events: ['claim.exploded'] }, 'events'],
      [{ url: 'http://127.0.0.1:9/x', events: ['*'], format: 'teams' }, 'format'],
      [{ url: 'http://127.0.0.1:9/x', events: ['*'], filter: { priority: ['vital'] } }, 'filter'],
      [{ url: 'http://127.0.0.1:9/x', events: ['*'], secret: 'hunter2' }, 'secret'],
      [{ url: 'ftp://127.0.0.1/x', events: ['*'] }, 'url'],
    ];
    for (const [body, field] of cases) {
      const response = await admin().post('/api/v1/webhooks', { body });
      expect([400, 422]).toContain(response.status);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(JSON.stringify(response.body)).toContain(field);
    }
  });

  it('selects exactly the events its patterns and filters match', async () => {
    const tag = uniqueTag('elections');
    const [urgentHook, taggedHook, exactHook, familyHook] = await Promise.all([
      receiver(),
      receiver(),
      receiver(),
      receiver(),
    ]);
    await subscribe(app.url, {
      url: urgentHook.url,
      events: ['claim.*'],
      filter: { priority: ['urgent'] },
    });
    await subscribe(app.url, { url: taggedHook.url, events: ['*'], filter: { tags: [tag] } });
    await subscribe(app.url, { url: exactHook.url, events: ['comment.added'] });
    await subscribe(app.url, { url: familyHook.url, events: ['claim.*', 'publication.*'] });

    const urgent = await submitClaim(app.url, reporter, { priority: 'urgent' });
    const tagged = await submitClaim(app.url, reporter, { tags: [tag] });
    const comment = await client(app.url, reporter.token).post(
      `/api/v1/claims/${tagged.id}/comments`,
      {
        body: { body: 'Checking with the electoral commission.' },
      },
    );
    expect(comment.status).toBe(201);

    await familyHook.waitFor((received) => received.length >= 2);
    await exactHook.waitFor((received) => received.length >= 1);
    await sleep(1000);
    const summary = (hook: Receiver) =>
      hook.received.map((received) => {
        const { event } = JSON.parse(received.body).data;
        return `${event.type} ${event.claimId}`;
      });
    expect(summary(urgentHook)).toEqual([`claim.submitted ${urgent.id}`]);
    expect(summary(taggedHook).sort()).toEqual(
      [`claim.submitted ${tagged.id}`, `comment.added ${tagged.id}`].sort(),
    );
    expect(summary(exactHook)).toEqual([`comment.added ${tagged.id}`]);
    expect(summary(familyHook).sort()).toEqual(
      [`claim.submitted ${urgent.id}`, `claim.submitted ${tagged.id}`].sort(),
    );
  });

  it('pings, pages the delivery log by keyset, and redelivers with the same webhook-id', async () => {
    const hook = await receiver();
    const subscription = await subscribe(app.url, { url: hook.url, events: ['comment.added'] });
    for (let index = 0; index < 5; index++) {
      const ping = await admin().post(`/api/v1/webhooks/${subscription.id}/ping`);
      expect(ping.status).toBe(202);
      expect(ping.body).toMatchObject({ type: 'webhook.ping', webhookId: subscription.id });
    }
    await hook.waitFor((received) => received.length >= 5);
    const body = verified(subscription.secret, hook.received[0]) as Record<string, any>;
    expect(body).toMatchObject({ type: 'webhook.ping', data: { subscriptionId: subscription.id } });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await admin().get(`/api/v1/webhooks/${subscription.id}/deliveries${query}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    const bad = await admin().get(`/api/v1/webhooks/${subscription.id}/deliveries?cursor=abc`);
    expect(bad.status).toBe(400);

    // Recorded a moment after the receiver answered.
    const [latest] = await pollUntil(
      () => deliveriesOf(app.url, subscription.id),
      ([newest]) => newest?.status === 'delivered',
      { timeoutMs: 10_000 },
    );
    expect(latest).toMatchObject({ status: 'delivered', lastStatusCode: 200 });
    const again = await admin().post(
      `/api/v1/webhooks/${subscription.id}/deliveries/${latest.id}/redeliver`,
    );
    expect(again.status).toBe(202);
    await hook.waitFor(() => hook.withId(latest.messageId).length === 2);
    const [redelivered] = await pollUntil(
      () => deliveriesOf(app.url, subscription.id),
      ([newest]) => newest?.attempts.length === 2,
      { timeoutMs: 10_000 },
    );
    expect(redelivered.attempts).toHaveLength(2);
    const missing = await admin().post(
      `/api/v1/webhooks/${subscription.id}/deliveries/00000000-0000-4000-8000-000000000000/redeliver`,
    );
    expect(missing.status).toBe(404);
  });
});

describe('webhook targets without WEBHOOK_ALLOW_PRIVATE', () => {
  let app: AppProcess;
  let database: Awaited<ReturnType<typeof webhookDatabase>>;
  beforeAll(async () => {
    database = await webhookDatabase();
    app = await startApp({ env: { ...database.env, WEBHOOK_ALLOW_PRIVATE: 'false' } });
  });
  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  it('refuses plain http and private or loopback addresses with 422', async () => {
    for (const url of [
      'http://203.0.114.10/hook',
      'https://127.0.0.1/hook',
      'https://localhost/hook',
      'https://10.1.2.3/hook',
      'https://192.168.0.10/hook',
      'https://169.254.169.254/latest',
      'https://[::1]/hook',
      'https://[::ffff:127.0.0.1]/hook',
    ]) {
      const response = await client(app.url, ADMIN_TOKEN).post('/api/v1/webhooks', {
        body: { url, events: ['*'] },
      });
      expect({ url, status: response.status }).toEqual({ url, status: 422 });
      expect(response.body.errors[0].field).toBe('url');
    }
  });
});
