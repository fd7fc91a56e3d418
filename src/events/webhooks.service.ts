import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditActor } from '../audit/audit-event.js';
import { AuditAppendService } from '../audit/audit-append.service.js';
import { DomainError } from '../common/problem/domain-error.js';
import { AppConfig } from '../config/app-config.js';
import type {
  CreatedWebhookView,
  CreateWebhookDto,
  UpdateWebhookDto,
  WebhookView,
} from './dto/webhook.dto.js';
import { returningRows } from './returning-rows.js';
import { hostProblem, urlProblem } from './target-address.js';
import { SUBSCRIPTION_COLUMNS, SubscriptionRow, toWebhookView } from './webhook-rows.js';
import { generateSecret, SecretBox } from './webhook-secret.js';

// Subscriptions are few and each costs a scan per delivery round: a bound, not a quota.
export const MAX_SUBSCRIPTIONS = 100;

// The events a subscriber receives start from the moment of subscribing: the cursor is
// set to the oldest transaction still running, so nothing committed later is missed, and
// the subscribing transaction's snapshot tells apart what had already happened.
const CURRENT_HORIZON = 'pg_snapshot_xmin(pg_current_snapshot())';

@Injectable()
export class WebhooksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditAppendService,
    private readonly config: AppConfig,
    private readonly secrets: SecretBox,
  ) {}

  async create(actor: AuditActor, input: CreateWebhookDto): Promise<CreatedWebhookView> {
    await this.checkTarget(input.url);
    const secret = input.secret ?? generateSecret();
    return this.dataSource.transaction(async (manager) => {
      // Serialises creations so the bound holds under concurrent requests.
      await manager.query('SELECT pg_advisory_xact_lock(4172016)');
      const [{ count }] = (await manager.query(
        'SELECT count(*)::int AS count FROM webhook_subscriptions',
      )) as { count: number }[];
      if (count >= MAX_SUBSCRIPTIONS) {
        throw new DomainError(
          'unprocessable',
          `At most ${MAX_SUBSCRIPTIONS} webhook subscriptions; delete one first.`,
        );
      }
      const [row] = (await manager.query(
        `INSERT INTO webhook_subscriptions
           (id, url, events, format, filter, description, secret, cursor_xid, since_snapshot)
         VALUES ($1, $2, $3, $4, $5, $6, $7, ${CURRENT_HORIZON}, pg_current_snapshot())
         RETURNING ${SUBSCRIPTION_COLUMNS}`,
        [
          randomUUID(),
          input.url,
          dedupe(input.events),
          input.format,
          JSON.stringify(cleanFilter(input.filter)),
          input.description || null,
          this.secrets.seal(secret),
        ],
      )) as SubscriptionRow[];
      const view = toWebhookView(row);
      await this.appendEvent(manager, actor, 'webhook.created', {
        webhookId: row.id,
        after: described(view),
      });
      return { ...view, secret };
    });
  }

  async list(): Promise<WebhookView[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions ORDER BY created_at, id`,
    )) as SubscriptionRow[];
    return rows.map(toWebhookView);
  }

  async get(id: string): Promise<WebhookView> {
    return toWebhookView(await findSubscription(this.dataSource.manager, id));
  }

  async update(actor: AuditActor, id: string, changes: UpdateWebhookDto): Promise<WebhookView> {
    if (changes.url !== undefined) await this.checkTarget(changes.url);
    return this.dataSource.transaction(async (manager) => {
      const current = await findSubscription(manager, id, true);
      const next = {
        url: changes.url ?? current.url,
        events: changes.events ? dedupe(changes.events) : current.events,
        filter: changes.filter ? cleanFilter(changes.filter) : current.filter,
        description:
          changes.description === undefined ? current.description : changes.description || null,
        active: changes.active ?? current.active,
      };
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const key of Object.keys(next) as (keyof typeof next)[]) {
        if (JSON.stringify(next[key]) === JSON.stringify(current[key])) continue;
        before[key] = current[key];
        after[key] = next[key];
      }
      if (Object.keys(after).length === 0) return toWebhookView(current);
      // Resuming starts from now: events that happened while paused are not replayed.
      const resumes = next.active && !current.active;
      const [row] = await returningRows<SubscriptionRow>(
        manager,
        `UPDATE webhook_subscriptions
            SET url = $2, events = $3, filter = $4, description = $5, active = $6,
                disabled_reason = CASE WHEN $6 THEN NULL ELSE disabled_reason END,
                cursor_xid = CASE WHEN $7 THEN ${CURRENT_HORIZON} ELSE cursor_xid END,
                cursor_seq = CASE WHEN $7 THEN 0 ELSE cursor_seq END,
                since_snapshot = CASE WHEN $7 THEN pg_current_snapshot() ELSE since_snapshot END,
                updated_at = now()
          WHERE id = $1
          RETURNING ${SUBSCRIPTION_COLUMNS}`,
        [
          id,
          next.url,
          next.events,
          JSON.stringify(next.filter),
          next.description,
          next.active,
          resumes,
        ],
      );
      await this.appendEvent(manager, actor, 'webhook.updated', { webhookId: id, before, after });
      return toWebhookView(row);
    });
  }

  async remove(actor: AuditActor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await findSubscription(manager, id, true);
      await manager.query('DELETE FROM webhook_subscriptions WHERE id = $1', [id]);
      await this.appendEvent(manager, actor, 'webhook.deleted', {
        webhookId: id,
        before: described(toWebhookView(current)),
      });
    });
  }

  // Syntax first (400 from the DTO), then where it points: a private or plain-http target
  // is a well-formed request the service will not carry out (422).
  private async checkTarget(url: string): Promise<void> {
    const allowPrivate = this.config.webhookAllowPrivate;
    const problem =
      urlProblem(url, allowPrivate) ?? (await hostProblem(new URL(url).hostname, allowPrivate));
    if (problem) {
      throw new DomainError('unprocessable', `url: ${problem}`, {
        errors: [{ field: 'url', message: problem }],
      });
    }
  }

  private appendEvent(
    manager: EntityManager,
    actor: AuditActor,
    type: 'webhook.created' | 'webhook.updated' | 'webhook.deleted',
    data: Record<string, unknown>,
  ) {
    return this.audit.append(manager, { claimId: null, type, actor, data });
  }
}

export async function findSubscription(
  manager: EntityManager,
  id: string,
  lock = false,
): Promise<SubscriptionRow> {
  const [row] = (await manager.query(
    `SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  )) as SubscriptionRow[];
  if (!row) throw new DomainError('not-found', `No webhook ${id}.`);
  return row;
}

// What the audit trail records of a subscription: everything but the secret.
const described = (view: WebhookView) => ({
  url: view.url,
  events: view.events,
  format: view.format,
  filter: view.filter,
  description: view.description,
  active: view.active,
});

const dedupe = (items: string[]) => [...new Set(items)];

const cleanFilter = (filter: { priority?: string[]; tags?: string[] } | undefined) => ({
  ...(filter?.priority?.length ? { priority: dedupe(filter.priority) } : {}),
  ...(filter?.tags?.length ? { tags: dedupe(filter.tags) } : {}),
});
