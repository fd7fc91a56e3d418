import { useState } from 'preact/hooks';
import { post } from '../../api.js';
import { Alert, Field, inputValue } from '../../ui.js';
import { useRequest } from '../../use-request.js';
import type { Webhook } from './types.js';

// Creates a subscription; the answer carries the signing secret, shown once by the caller.
export function NewWebhookForm(props: {
  onCreated: (created: Webhook & { secret: string }) => void;
}) {
  const [form, setForm] = useState({
    url: '',
    events: 'claim.*',
    format: 'standard',
    description: '',
  });
  const { busy, error, send } = useRequest();
  const set = (field: keyof typeof form) => (event: Event) =>
    setForm({ ...form, [field]: inputValue(event) });

  const submit = (event: Event) => {
    event.preventDefault();
    return send(async () => {
      const events = form.events
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
      const reply = await post<Webhook & { secret: string }>('/webhooks', {
        body: {
          url: form.url.trim(),
          events,
          format: form.format,
          ...(form.description.trim() ? { description: form.description.trim() } : {}),
        },
      });
      props.onCreated(reply.body);
      setForm({ ...form, url: '', description: '' });
    });
  };

  return (
    <form class="card" onSubmit={submit} aria-labelledby="new-webhook-title">
      <h2 id="new-webhook-title">New webhook</h2>
      <Field label="Receiver URL" hint="https, on a public address">
        <input name="url" type="url" required value={form.url} onInput={set('url')} />
      </Field>
      <Field label="Events" hint="comma-separated: claim.transitioned, claim.*, publication.*, *">
        <input name="events" required value={form.events} onInput={set('events')} />
      </Field>
      <Field label="Format">
        <select name="format" value={form.format} onChange={set('format')}>
          <option value="standard">Standard Webhooks (signed JSON)</option>
          <option value="slack">Slack incoming webhook</option>
        </select>
      </Field>
      <Field label="Description">
        <input name="description" value={form.description} onInput={set('description')} />
      </Field>
      <Alert>{error}</Alert>
      <div class="buttons">
        <button type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create webhook'}
        </button>
      </div>
    </form>
  );
}
