import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Webhook } from 'standardwebhooks';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditEvent } from '../audit/audit-event.js';
import { ClaimsService } from '../claims/claims.service.js';
import type { ClaimView } from '../claims/dto/claim.view.js';
import { AppConfig } from '../config/app-config.js';
import { DeliveryOutcome, Outcome } from './delivery-outcome.js';
import {
  ClaimedDelivery,
  claimDueDeliveries,
  enqueueAndAdvance,
  lockActiveSubscriptions,
  NewDelivery,
  pruneDeliveryLog,
  readEventWindow,
} from './delivery-queue.js';
import { matchesPatterns, passesFilter } from './event-selection.js';
import { slackBody, standardBody } from './message-body.js';
import { DELIVERY_TIMEOUT_MS, SendResult, sendRequest } from './send-request.js';
import type { SubscriptionRow } from './webhook-rows.js';
import { SecretBox } from './webhook-secret.js';

// How often the queue is looked at when nothing wakes it; a finished delivery, a ping or
// a redelivery wakes it at once.
const POLL_INTERVAL_MS = 250;
// Per subscription, across every process: one slow receiver holds at most this many.
export const PER_SUBSCRIPTION_IN_FLIGHT = 8;
// Per process: requests open at once.
const MAX_IN_FLIGHT = 64;
const SUBSCRIPTIONS_PER_ROUND = 100;
const RECORD_BATCH = 100;
const PRUNE_EVERY_MS = 3_600_000;
// A claimed delivery belongs to its process until the request's timeout and this margin
// have passed; after a crash it is due again then.
const LEASE_MS = DELIVERY_TIMEOUT_MS + 5_000;
// On shutdown, requests under way get this long to finish before they are released.
const SHUTDOWN_WAIT_MS = 5_000;

interface InFlight {
  done: Promise<void>;
  abort: AbortController;
}

// Turns audit events into deliveries and sends them. One round at a time per process, on
// one pooled connection; outcomes are recorded one batch at a time too, so the loop holds
// at most two of the pool's connections (three while it reads a claim).
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private readonly inFlight = new Map<string, InFlight>();
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;
  private wanted = false;
  private stopping = false;
  private readonly outcomes: (Outcome & { resolve(): void; reject(error: unknown): void })[] = [];
  private flushing?: Promise<void>;
  private prunedAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly claims: ClaimsService,
    private readonly config: AppConfig,
    private readonly secrets: SecretBox,
    private readonly outcome: DeliveryOutcome,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.wake(), POLL_INTERVAL_MS);
    // The loop never keeps the process alive by itself.
    this.timer.unref();
    this.wake();
  }

  wake(): void {
    if (this.stopping) return;
    if (this.round) {
      this.wanted = true;
      return;
    }
    this.round = this.runRound()
      .catch((error: unknown) => this.logger.warn(`delivery round failed: ${String(error)}`))
      .finally(() => {
        this.round = undefined;
        if (this.wanted) {
          this.wanted = false;
          this.wake();
        }
      });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.round;
    const all = () => Promise.all([...this.inFlight.values()].map((flight) => flight.done));
    const waited = await Promise.race([
      all().then(() => true),
      new Promise<false>((resolve) => setTimeout(resolve, SHUTDOWN_WAIT_MS, false).unref()),
    ]);
    if (!waited) for (const flight of this.inFlight.values()) flight.abort.abort();
    await all();
  }

  private async runRound(): Promise<void> {
    if (Date.now() - this.prunedAt > PRUNE_EVERY_MS) {
      this.prunedAt = Date.now();
      await pruneDeliveryLog(this.dataSource.manager);
    }
    const claimed = await this.dataSource.transaction(async (manager) => {
      const subscriptions = await lockActiveSubscriptions(manager, SUBSCRIPTIONS_PER_ROUND);
      const work: { subscription: SubscriptionRow; delivery: ClaimedDelivery }[] = [];
      const claimsSeen = new Map<string, Promise<ClaimView | null>>();
      for (const subscription of subscriptions) {
        await this.fanOut(manager, subscription, claimsSeen);
        const room = MAX_IN_FLIGHT - this.inFlight.size - work.length;
        if (room <= 0 || this.stopping) continue;
        const due = await claimDueDeliveries(
          manager,
          subscription.id,
          Math.min(PER_SUBSCRIPTION_IN_FLIGHT, room),
          LEASE_MS,
        );
        work.push(...due.map((delivery) => ({ subscription, delivery })));
      }
      return work;
    });
    for (const { subscription, delivery } of claimed) this.dispatch(subscription, delivery);
  }

  // Enqueues a delivery for every new event the subscription selects, and moves its cursor.
  private async fanOut(
    manager: EntityManager,
    subscription: SubscriptionRow,
    claimsSeen: Map<string, Promise<ClaimView | null>>,
  ): Promise<void> {
    const window = await readEventWindow(
      manager,
      { xid: subscription.cursor_xid, seq: subscription.cursor_seq },
      subscription.since_snapshot,
    );
    const deliveries: NewDelivery[] = [];
    for (const event of window.events) {
      if (!matchesPatterns(subscription.events, event.type)) continue;
      const claim = event.claimId ? await this.claimOf(event.claimId, claimsSeen) : null;
      if (!passesFilter(subscription.filter, claim)) continue;
      deliveries.push({
        messageId: event.id,
        eventSeq: event.seq,
        type: event.type,
        payload: this.body(subscription, event, claim),
      });
    }
    await enqueueAndAdvance(manager, subscription.id, deliveries, window.nextCursor);
  }

  private claimOf(id: string, seen: Map<string, Promise<ClaimView | null>>) {
    let claim = seen.get(id);
    if (!claim) {
      claim = this.claims.get(id).catch(() => null);
      seen.set(id, claim);
    }
    return claim;
  }

  private body(subscription: SubscriptionRow, event: AuditEvent, claim: ClaimView | null) {
    return subscription.format === 'slack'
      ? slackBody(event, claim, this.config.publicBaseUrl)
      : standardBody(event, claim);
  }

  private dispatch(subscription: SubscriptionRow, delivery: ClaimedDelivery): void {
    const abort = new AbortController();
    const done = this.deliver(subscription, delivery, abort.signal)
      .catch((error: unknown) => this.logger.warn(`delivery ${delivery.id}: ${String(error)}`))
      .finally(() => {
        this.inFlight.delete(delivery.id);
        this.wake();
      });
    this.inFlight.set(delivery.id, { done, abort });
  }

  private async deliver(
    subscription: SubscriptionRow,
    delivery: ClaimedDelivery,
    signal: AbortSignal,
  ): Promise<void> {
    const startedAt = new Date();
    let headers: Record<string, string> = {};
    if (subscription.format === 'standard') {
      let secret: string;
      try {
        secret = this.secrets.open(subscription.secret);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const failure = { statusCode: null, error: message, responseBody: null, durationMs: 0 };
        await this.record(delivery, { ...failure, aborted: false }, startedAt);
        return;
      }
      headers = {
        'webhook-id': delivery.message_id,
        'webhook-timestamp': String(Math.floor(startedAt.getTime() / 1000)),
        'webhook-signature': new Webhook(secret).sign(
          delivery.message_id,
          startedAt,
          delivery.payload,
        ),
      };
    }
    const result = await sendRequest(subscription.url, headers, delivery.payload, {
      allowPrivate: this.config.webhookAllowPrivate,
      signal,
    });
    await this.record(delivery, result, startedAt);
  }

  // Outcomes are written in batches, one batch at a time: the loop's share of the pool
  // stays bounded however many requests finish together.
  private record(delivery: ClaimedDelivery, result: SendResult, startedAt: Date): Promise<void> {
    return new Promise((resolve, reject) => {
      this.outcomes.push({ delivery, result, startedAt, resolve, reject });
      this.flush();
    });
  }

  private flush(): void {
    if (this.flushing || this.outcomes.length === 0) return;
    const batch = this.outcomes.splice(0, RECORD_BATCH);
    this.flushing = this.outcome
      .recordMany(batch)
      .then(
        () => batch.forEach((item) => item.resolve()),
        (error: unknown) => batch.forEach((item) => item.reject(error)),
      )
      .finally(() => {
        this.flushing = undefined;
        this.flush();
      });
  }
}
