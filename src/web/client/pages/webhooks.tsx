import { useEffect, useState } from 'preact/hooks';
import { get, messageOf } from '../api.js';
import { can, type Me } from '../session.js';
import { Alert, Loading } from '../ui.js';
import { DeliveryLog } from './webhooks/delivery-log.js';
import { NewWebhookForm } from './webhooks/new-webhook-form.js';
import type { Webhook } from './webhooks/types.js';

// Webhooks for admins (SPEC §13): the subscriptions, a new one (its secret shown once),
// and the delivery log of the one selected.
export function WebhooksPage({ me }: { me: Me }) {
  const [webhooks, setWebhooks] = useState<Webhook[] | null>(null);
  const [selected, setSelected] = useState<Webhook | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    get<{ items: Webhook[] }>('/webhooks')
      .then((reply) => setWebhooks(reply.body.items))
      .catch((failure) => setError(messageOf(failure)));
  useEffect(() => void (can.manageWebhooks(me) && load()), []);

  if (!can.manageWebhooks(me)) return <Alert>Webhooks are for admins.</Alert>;

  return (
    <section aria-labelledby="webhooks-title">
      <h1 id="webhooks-title">Webhooks</h1>
      <Alert>{error}</Alert>
      {secret ? (
        <div class="alert alert-info" role="status">
          <p>Signing secret — copy it now, it is not shown again:</p>
          <code data-testid="webhook-secret">{secret}</code>
        </div>
      ) : null}
      <div class="claim-grid">
        <div>
          <section class="card" aria-labelledby="webhook-list-title">
            <h2 id="webhook-list-title">Subscriptions</h2>
            {!webhooks ? (
              <Loading what="webhooks" />
            ) : webhooks.length === 0 ? (
              <p class="muted">No webhooks yet.</p>
            ) : (
              <ul>
                {webhooks.map((webhook) => (
                  <WebhookItem
                    key={webhook.id}
                    webhook={webhook}
                    onOpen={() => setSelected(webhook)}
                  />
                ))}
              </ul>
            )}
          </section>
          {selected ? <DeliveryLog key={selected.id} webhook={selected} /> : null}
        </div>
        <NewWebhookForm
          onCreated={(created) => {
            setSecret(created.secret);
            setSelected(created);
            void load();
          }}
        />
      </div>
    </section>
  );
}

function WebhookItem(props: { webhook: Webhook; onOpen: () => void }) {
  const { webhook } = props;
  return (
    <li data-testid="webhook">
      <strong>{webhook.url}</strong>{' '}
      <span class="muted small">
        {webhook.format} · {webhook.events.join(', ')}
        {webhook.active
          ? ''
          : ` · paused${webhook.disabledReason ? ` (${webhook.disabledReason})` : ''}`}
      </span>
      {webhook.description ? <div class="small">{webhook.description}</div> : null}
      <button type="button" class="link" onClick={props.onOpen}>
        Deliveries
      </button>
    </li>
  );
}
