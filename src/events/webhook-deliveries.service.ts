import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  decodeCursor,
  fromTimestampKey,
  KEY_SHAPES,
  Page,
  pageOf,
  timestampKey,
} from '../common/pagination/cursor.js';
import { DomainError } from '../common/problem/domain-error.js';
import { DeliveryWorker } from './delivery-worker.service.js';
import type { DeliveryPageQuery, DeliveryView } from './dto/webhook.dto.js';
import { pingBody } from './message-body.js';
import { returningRows } from './returning-rows.js';
import { DELIVERY_COLUMNS, DeliveryRow, toDeliveryView } from './webhook-rows.js';
import { findSubscription } from './webhooks.service.js';

const LOG_SORT = 'deliveries';

// A subscription's delivery log (newest first, keyset pages), pings and redeliveries.
@Injectable()
export class WebhookDeliveriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly worker: DeliveryWorker,
  ) {}

  async page(webhookId: string, query: DeliveryPageQuery): Promise<Page<DeliveryView>> {
    await findSubscription(this.dataSource.manager, webhookId);
    const values: unknown[] = [webhookId];
    let where = 'd.subscription_id = $1';
    if (query.status) {
      values.push(query.status);
      where += ` AND d.status = $${values.length}`;
    }
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor, LOG_SORT, [
        KEY_SHAPES.timestamp,
        KEY_SHAPES.uuid,
      ]);
      values.push(at, id);
      where += ` AND (d.created_at, d.id) < (${fromTimestampKey(`$${values.length - 1}`)}, $${values.length}::uuid)`;
    }
    values.push(query.limit + 1);
    const rows = (await this.dataSource.query(
      `SELECT ${DELIVERY_COLUMNS}, ${timestampKey('d.created_at')} AS created_key
         FROM webhook_deliveries d
        WHERE ${where}
        ORDER BY d.created_at DESC, d.id DESC
        LIMIT $${values.length}`,
      values,
    )) as (DeliveryRow & { created_key: string })[];
    return pageOf(rows, query.limit, toDeliveryView, (row) => ({
      sort: LOG_SORT,
      key: [row.created_key, row.id],
    }));
  }

  // A test message, signed like any other, sent whatever the subscription's event list.
  async ping(webhookId: string): Promise<DeliveryView> {
    const subscription = await findSubscription(this.dataSource.manager, webhookId);
    if (!subscription.active) {
      throw new DomainError('conflict', 'The webhook is paused; set active to true first.');
    }
    const [row] = await returningRows<{ id: string }>(
      this.dataSource.manager,
      `INSERT INTO webhook_deliveries (id, subscription_id, message_id, type, payload)
       VALUES ($1, $2, $3, 'webhook.ping', $4) RETURNING id`,
      [
        randomUUID(),
        webhookId,
        randomUUID(),
        pingBody(webhookId, subscription.format, new Date().toISOString()),
      ],
    );
    this.worker.wake();
    return this.one(row.id);
  }

  // Sends the same message again (same webhook-id and body, freshly signed), with a new
  // run of the retry schedule. A delivery being sent right now is left to finish.
  async redeliver(webhookId: string, deliveryId: string): Promise<DeliveryView> {
    const [row] = await returningRows<{ id: string }>(
      this.dataSource.manager,
      `UPDATE webhook_deliveries
          SET status = 'pending', next_attempt_at = now(), retry_step = 0, lease_until = NULL,
              updated_at = now()
        WHERE id = $1 AND subscription_id = $2
          AND NOT (status = 'delivering' AND lease_until > now())
        RETURNING id`,
      [deliveryId, webhookId],
    );
    if (!row) {
      await this.one(deliveryId, webhookId);
      throw new DomainError('conflict', 'The delivery is being sent right now; try again shortly.');
    }
    this.worker.wake();
    return this.one(deliveryId);
  }

  private async one(deliveryId: string, webhookId?: string): Promise<DeliveryView> {
    const [row] = (await this.dataSource.query(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d
        WHERE d.id = $1 AND ($2::uuid IS NULL OR d.subscription_id = $2)`,
      [deliveryId, webhookId ?? null],
    )) as DeliveryRow[];
    if (!row) throw new DomainError('not-found', `No delivery ${deliveryId}.`);
    return toDeliveryView(row);
  }
}
