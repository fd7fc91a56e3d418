import type { AuditEvent } from '../audit/audit-event.js';
import type { ClaimView } from '../claims/dto/claim.view.js';

export type WebhookFormat = 'standard' | 'slack';
export const WEBHOOK_FORMATS: WebhookFormat[] = ['standard', 'slack'];

// The Standard Webhooks body (SPEC §13): the event exactly as the export prints it, and
// the claim as it stood once the change was made, when the event is about a claim.
export function standardBody(event: AuditEvent, claim: ClaimView | null): string {
  return JSON.stringify({
    type: event.type,
    timestamp: event.at,
    data: claim ? { event, claim } : { event },
  });
}

export function pingBody(subscriptionId: string, format: WebhookFormat, at: string): string {
  if (format === 'slack') {
    return JSON.stringify({ text: 'claimdesk: this channel receives the desk’s alerts.' });
  }
  return JSON.stringify({ type: 'webhook.ping', timestamp: at, data: { subscriptionId } });
}

// Slack's mrkdwn gives &, < and > a meaning; everything else is shown as written.
export const escapeMrkdwn = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const VERDICT_WORDS: Record<string, string> = {
  verified: 'Verified',
  refuted: 'Refuted',
  disputed: 'Disputed',
  unverifiable: 'Unverifiable',
  withdrawn: 'Withdrawn',
  merged: 'Merged',
  in_review: 'In review',
  submitted: 'Submitted',
};

// A Slack incoming-webhook message: `text` for notifications, `blocks` for the channel.
export function slackBody(event: AuditEvent, claim: ClaimView | null, publicBaseUrl: string) {
  const who = escapeMrkdwn(event.actor.name);
  const headline = event.toStatus
    ? `${VERDICT_WORDS[event.toStatus] ?? event.toStatus}: ${event.type} by ${who}`
    : `${event.type} by ${who}`;
  const blocks: unknown[] = [{ type: 'section', text: { type: 'mrkdwn', text: `*${headline}*` } }];
  let text = headline;
  if (claim) {
    const link = `${publicBaseUrl}/#/claims/${encodeURIComponent(claim.id)}`;
    const claimText = escapeMrkdwn(claim.text);
    const fields = [
      { type: 'mrkdwn', text: `*Verdict*\n${VERDICT_WORDS[claim.status] ?? claim.status}` },
      { type: 'mrkdwn', text: `*Claimant*\n${escapeMrkdwn(claim.claimant ?? 'unknown')}` },
    ];
    blocks.push(
      { type: 'section', text: { type: 'mrkdwn', text: `>${claimText}` }, fields },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `<${link}|Open in the desk>` }] },
    );
    text = `${headline}: ${claimText} <${link}|Open in the desk>`;
  }
  return JSON.stringify({ text, blocks });
}
