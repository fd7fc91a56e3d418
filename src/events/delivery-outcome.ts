import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuditActor } from '../audit/audit-event.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { AppConfig } from '../config/app-config.js';
import type { ClaimedDelivery } from './delivery-queue.js';
import { nextRetryDelayMs } from './retry-schedule.js';
import { returningRows } from './returning-rows.js';
import type { SendResult } from './send-request.js';

// Who disables a subscription whose receiver answered 410 Gone, in the audit trail.
export const DELIVERY_ACTOR: AuditActor = {
  id: '00000000-0000-0000-0000-000000000000',
  name: 'webhook delivery',
  roles: [],
};

// Records what one attempt came to: the attempt in the log, and the delivery delivered,
// due again after the schedule's next step, failed, or (stopped by shutdown) released.
@Injectable()
export class DeliveryOutcome {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly config: AppConfig,
  ) {}

  async record(delivery: ClaimedDelivery, result: SendResult, startedAt: Date): Promise<void> {
    if (result.aborted) {
      await this.dataSource.query(
        `UPDATE webhook_deliveries
            SET status = 'pending', lease_until = NULL, next_attempt_at = now(),
                attempts = attempts - 1, updated_at = now()
          WHERE id = $1 AND status = 'delivering'`,
        [delivery.id],
      );
      return;
    }
    const code = result.statusCode;
    const delivered = code !== null && code >= 200 && code < 300;
    const gone = code === 410;
    const failedSteps = delivery.retry_step + 1;
    const delay =
      delivered || gone
        ? undefined
        : nextRetryDelayMs(this.config.webhookRetryScheduleMs, failedSteps);
    const status = delivered ? 'delivered' : delay === undefined ? 'failed' : 'pending';
    const error = result.error ?? (delivered ? null : `receiver answered ${code}`);

    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO webhook_attempts (delivery_id, at, duration_ms, status_code, error, response_body)
         SELECT $1, $2, $3, $4, $5, $6 WHERE EXISTS (SELECT FROM webhook_deliveries WHERE id = $1)`,
        [delivery.id, startedAt, result.durationMs, code, error, result.responseBody],
      );
      await manager.query(
        `UPDATE webhook_deliveries
            SET status = $2, lease_until = NULL, last_status_code = $3, last_error = $4,
                retry_step = CASE WHEN $2 = 'pending' THEN $5 ELSE retry_step END,
                next_attempt_at = now() + coalesce($6, 0) * interval '1 millisecond',
                updated_at = now()
          WHERE id = $1`,
        [delivery.id, status, code, error, failedSteps, delay ?? null],
      );
      if (!gone) return;
      const disabled = await returningRows(
        manager,
        `UPDATE webhook_subscriptions
            SET active = false, disabled_reason = 'the receiver answered 410 Gone', updated_at = now()
          WHERE id = $1 AND active
          RETURNING id`,
        [delivery.subscription_id],
      );
      if (disabled.length === 0) return;
      await this.audit.append(manager, {
        claimId: null,
        type: 'webhook.disabled',
        actor: DELIVERY_ACTOR,
        data: {
          webhookId: delivery.subscription_id,
          reason: 'the receiver answered 410 Gone',
          deliveryId: delivery.id,
        },
      });
    });
  }
}
