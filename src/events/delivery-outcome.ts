import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditActor } from '../audit/audit-event.js';
import { AuditAppendService } from '../audit/audit-append.service.js';
import { AppConfig } from '../config/app-config.js';
import type { ClaimedDelivery } from './delivery-queue.js';
import { returningRows } from './returning-rows.js';
import { nextRetryDelayMs } from './retry-schedule.js';
import type { SendResult } from './send-request.js';

// Who disables a subscription whose receiver answered 410 Gone, in the audit trail.
export const DELIVERY_ACTOR: AuditActor = {
  id: '00000000-0000-0000-0000-000000000000',
  name: 'webhook delivery',
  roles: [],
};

export interface Outcome {
  delivery: ClaimedDelivery;
  result: SendResult;
  startedAt: Date;
}

// Records what attempts came to, many in one transaction: each attempt in the log, and
// its delivery delivered, due again after the schedule's next step, failed, or (stopped by
// shutdown) released without counting.
@Injectable()
export class DeliveryOutcome {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditAppendService,
    private readonly config: AppConfig,
  ) {}

  async recordMany(outcomes: Outcome[]): Promise<void> {
    const released = outcomes.filter(({ result }) => result.aborted);
    const attempted = outcomes
      .filter(({ result }) => !result.aborted)
      .map((outcome) => this.judge(outcome));
    await this.dataSource.transaction(async (manager) => {
      if (released.length > 0) {
        await manager.query(
          `UPDATE webhook_deliveries
              SET status = 'pending', lease_until = NULL, next_attempt_at = now(),
                  attempts = attempts - 1, updated_at = now()
            WHERE id = ANY($1::uuid[]) AND status = 'delivering'`,
          [released.map(({ delivery }) => delivery.id)],
        );
      }
      if (attempted.length === 0) return;
      const column = <T>(pick: (judged: Judged) => T) => attempted.map(pick);
      // Deleted subscriptions take their deliveries with them: their attempts are dropped.
      await manager.query(
        `INSERT INTO webhook_attempts (delivery_id, at, duration_ms, status_code, error, response_body)
         SELECT u.* FROM unnest($1::uuid[], $2::timestamptz[], $3::int[], $4::int[], $5::text[], $6::text[])
                  AS u (delivery_id, at, duration_ms, status_code, error, response_body)
          WHERE EXISTS (SELECT FROM webhook_deliveries d WHERE d.id = u.delivery_id)`,
        [
          column((judged) => judged.delivery.id),
          column((judged) => judged.startedAt.toISOString()),
          column((judged) => judged.result.durationMs),
          column((judged) => judged.result.statusCode),
          column((judged) => judged.error),
          column((judged) => judged.result.responseBody),
        ],
      );
      await manager.query(
        `UPDATE webhook_deliveries d
            SET status = u.status, lease_until = NULL, last_status_code = u.code,
                last_error = u.error,
                retry_step = CASE WHEN u.status = 'pending' THEN u.step ELSE d.retry_step END,
                next_attempt_at = now() + coalesce(u.delay, 0) * interval '1 millisecond',
                updated_at = now()
           FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::int[], $6::int[])
                  AS u (id, status, code, error, step, delay)
          WHERE d.id = u.id`,
        [
          column((judged) => judged.delivery.id),
          column((judged) => judged.status),
          column((judged) => judged.result.statusCode),
          column((judged) => judged.error),
          column((judged) => judged.delivery.retry_step + 1),
          column((judged) => judged.delay ?? null),
        ],
      );
      for (const judged of attempted) {
        if (judged.result.statusCode === 410) await this.disable(manager, judged.delivery);
      }
    });
  }

  private judge({ delivery, result, startedAt }: Outcome): Judged {
    const code = result.statusCode;
    const delivered = code !== null && code >= 200 && code < 300;
    const schedule = this.config.webhookRetryScheduleMs;
    const delay =
      delivered || code === 410 ? undefined : nextRetryDelayMs(schedule, delivery.retry_step + 1);
    return {
      delivery,
      result,
      startedAt,
      status: delivered ? 'delivered' : delay === undefined ? 'failed' : 'pending',
      delay,
      error: result.error ?? (delivered ? null : `receiver answered ${code}`),
    };
  }

  // 410 Gone: the receiver asks to stop. The subscription is paused, on the record.
  private async disable(manager: EntityManager, delivery: ClaimedDelivery): Promise<void> {
    const reason = 'the receiver answered 410 Gone';
    const disabled = await returningRows(
      manager,
      `UPDATE webhook_subscriptions
          SET active = false, disabled_reason = $2, updated_at = now()
        WHERE id = $1 AND active
        RETURNING id`,
      [delivery.subscription_id, reason],
    );
    if (disabled.length === 0) return;
    await this.audit.append(manager, {
      claimId: null,
      type: 'webhook.disabled',
      actor: DELIVERY_ACTOR,
      data: { webhookId: delivery.subscription_id, reason, deliveryId: delivery.id },
    });
  }
}

interface Judged extends Outcome {
  status: 'delivered' | 'pending' | 'failed';
  delay: number | undefined;
  error: string | null;
}
