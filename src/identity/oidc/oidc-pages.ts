import { html, type Fragment, type Markup } from '../../common/html/html.js';
import { OIDC_REFUSALS, type OidcRefusal } from './oidc-refusal.js';

const START = '/auth/oidc/start';

// What the person reads, and can do, after each refusal. Plain words: the reader is a
// reporter at the desk, or the IT administrator they forward the page to.
function explanation(refusal: OidcRefusal): Fragment {
  const { email, providerError, retryAfterSeconds } = refusal.details;
  const address = email ? html`<strong data-testid="email">${email}</strong>` : 'this address';
  switch (refusal.reason) {
    case 'not-configured':
      return html`<p>This claimdesk does not sign people in through an identity provider.</p>`;
    case 'provider-error':
      return html`<p>
        The identity provider ended the sign-in without signing you
        in${providerError ? html` (it said <code>${providerError}</code>)` : ''}. If you cancelled,
        that is all this means.
      </p>`;
    case 'state-mismatch':
      return html`<p>
        This sign-in was started in another browser or tab, took longer than ten minutes, or has
        already been completed. Start again from the desk.
      </p>`;
    case 'malformed-callback':
      return html`<p>
        The address claimdesk was sent back to is incomplete or was changed on the way. Start again
        from the desk.
      </p>`;
    case 'code-rejected':
      return html`<p>
        The identity provider refused this sign-in because its link was already used or has expired.
        Start again from the desk.
      </p>`;
    case 'no-email':
      return html`<p>
        Your identity provider did not tell claimdesk your email address, so it cannot know which
        account is yours. Ask your IT administrator to allow the <code>email</code> scope for
        claimdesk.
      </p>`;
    case 'unverified-email':
      return html`<p>
        Your identity provider does not vouch for ${address}, so claimdesk cannot sign you in with
        it. Ask your IT administrator to verify the address, or use a passkey.
      </p>`;
    case 'unknown-person':
      return html`<p>
        You signed in at your identity provider as ${address}, but no claimdesk account uses it. Ask
        a claimdesk admin to invite you with this address.
      </p>`;
    case 'deactivated':
      return html`<p>
        The claimdesk account for ${address} has been deactivated. Ask a claimdesk admin if you
        should still have access.
      </p>`;
    case 'rate-limited':
      return html`<p>
        There were too many sign-in attempts from your network or for your account. Try again in
        ${retryAfterSeconds ?? 60} seconds.
      </p>`;
    case 'unavailable':
      return html`<p>
        claimdesk could not reach your newsroom's identity provider. Try again in a minute; if it
        keeps happening, tell your IT administrator.
      </p>`;
    case 'invalid-response':
      return html`<p>
        Your newsroom's identity provider answered in a way claimdesk cannot trust, so you were not
        signed in. Tell your IT administrator; the service's log says more.
      </p>`;
  }
}

// A small page in the desk's own style (its stylesheet, no inline code: the strict
// Content-Security-Policy applies here too).
export function refusalPage(refusal: OidcRefusal): Markup {
  const { title } = OIDC_REFUSALS[refusal.reason];
  const retry = refusal.reason !== 'not-configured';
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>${title} · claimdesk</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/app.css" />
      </head>
      <body>
        <main class="sign-in" id="main">
          <h1>claimdesk</h1>
          <div class="card" role="alert" data-reason="${refusal.reason}">
            <h2>${title}</h2>
            ${explanation(refusal)}
            <p class="buttons">
              ${retry && html`<a class="button primary" href="${START}">Try again</a>`}
              <a class="button" href="/">Back to the desk</a>
            </p>
          </div>
        </main>
      </body>
    </html>`;
}
