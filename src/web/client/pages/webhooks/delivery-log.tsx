import { useEffect, useState } from 'preact/hooks';
import { get, messageOf, post } from '../../api.js';
import { countOf, formatDateTime } from '../../format.js';
import { Alert, Loading } from '../../ui.js';
import type { Delivery, Webhook } from './types.js';

// One subscription's deliveries, newest first: status, the receiver's last answer, and a
// button to send a message again.
export function DeliveryLog({ webhook }: { webhook: Webhook }) {
  const [deliveries, setDeliveries] = useState<Delivery[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    get<{ items: Delivery[] }>(`/webhooks/${webhook.id}/deliveries?limit=50`)
      .then((reply) => setDeliveries(reply.body.items))
      .catch((failure) => setError(messageOf(failure)));
  useEffect(() => void load(), [webhook.id]);

  const act = (path: string) => async () => {
    setError(null);
    try {
      await post(path);
      await load();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  return (
    <section class="card" aria-labelledby="delivery-log-title">
      <div class="card-head">
        <h2 id="delivery-log-title">Deliveries to {webhook.url}</h2>
        <div class="buttons">
          <button type="button" onClick={act(`/webhooks/${webhook.id}/ping`)}>
            Send a ping
          </button>
          <button type="button" class="link" onClick={() => void load()}>
            Refresh
          </button>
        </div>
      </div>
      <Alert>{error}</Alert>
      {!deliveries ? (
        <Loading what="deliveries" />
      ) : deliveries.length === 0 ? (
        <p class="muted">Nothing sent yet.</p>
      ) : (
        <ul class="delivery-log">
          {deliveries.map((delivery) => (
            <DeliveryItem
              key={delivery.id}
              delivery={delivery}
              onRedeliver={act(`/webhooks/${webhook.id}/deliveries/${delivery.id}/redeliver`)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function DeliveryItem(props: { delivery: Delivery; onRedeliver: () => void }) {
  const { delivery } = props;
  const last = delivery.attempts[delivery.attempts.length - 1];
  return (
    <li data-testid="delivery">
      <strong>{delivery.type}</strong>{' '}
      <span class={`badge delivery-${delivery.status}`}>{delivery.status}</span>{' '}
      <span data-testid="delivery-code">
        {delivery.lastStatusCode !== null
          ? `HTTP ${delivery.lastStatusCode}`
          : (delivery.lastError ?? '')}
      </span>{' '}
      <span class="muted small">
        {formatDateTime(delivery.createdAt)} · {countOf(delivery.attempts.length, 'attempt')}
        {last ? ` · ${last.durationMs} ms` : ''}
      </span>{' '}
      <button
        type="button"
        class="link"
        onClick={props.onRedeliver}
        disabled={delivery.status === 'delivering'}
      >
        Redeliver
      </button>
    </li>
  );
}
