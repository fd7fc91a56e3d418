import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { get, post } from './api.js';
import { AccountPage } from './pages/account.js';
import { InvitationPage } from './pages/invitation.js';
import { PeoplePage } from './pages/people.js';
import { ArticlePage, NewArticlePage } from './pages/article.js';
import { ArticlesPage } from './pages/articles.js';
import { AuditPage } from './pages/audit.js';
import { ClaimPage } from './pages/claim.js';
import { ClaimantPage } from './pages/claimant.js';
import { QueuePage } from './pages/queue.js';
import { SignInPage } from './pages/sign-in.js';
import { SubmitPage } from './pages/submit.js';
import { WebhooksPage } from './pages/webhooks.js';
import { href, type Route, useRoute } from './router.js';
import { can, type Me, session } from './session.js';
import { useSignal } from './signal.js';
import './styles.css';

function App() {
  const me = useSignal(session.me);
  const route = useRoute();
  const [resuming, setResuming] = useState(true);

  // The session cookie outlives a reload: ask who it belongs to before showing anything.
  useEffect(() => {
    get<Me>('/me')
      .then((reply) => session.signIn(reply.body))
      .catch(() => session.signOut())
      .finally(() => setResuming(false));
  }, []);

  if (resuming) return <p class="muted page">Signing in…</p>;
  // An invitation link is for the person it names, whoever is signed in here.
  if (route.page === 'invitation') return <InvitationPage token={route.token} />;
  if (!me) return <SignInPage />;
  return <Desk me={me} />;
}

// Ends the session on the server (which clears the cookie), then shows the sign-in page.
async function signOut(): Promise<void> {
  await post('/auth/sign-out').catch(() => undefined);
  session.signOut();
}

function Desk({ me }: { me: Me }) {
  const route = useRoute();
  const current = route.page === 'home' ? homeOf(me) : route;
  useEffect(() => {
    document.title = `${TITLES[current.page]} · claimdesk`;
  }, [current.page]);
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href="#/">
          claimdesk
        </a>
        <nav aria-label="Main">
          <NavLink to={href.queue()} active={current.page === 'queue'}>
            {can.review(me) ? 'Review queue' : 'Claims'}
          </NavLink>
          {can.submit(me) ? (
            <NavLink to={href.submit()} active={current.page === 'submit'}>
              Submit a claim
            </NavLink>
          ) : null}
          {can.submit(me) ? (
            <NavLink to={href.articles()} active={current.page.startsWith('article')}>
              Articles
            </NavLink>
          ) : null}
          {can.audit(me) ? (
            <NavLink to={href.audit()} active={current.page === 'audit'}>
              Audit
            </NavLink>
          ) : null}
          {can.manageWebhooks(me) ? (
            <NavLink to={href.webhooks()} active={current.page === 'webhooks'}>
              Webhooks
            </NavLink>
          ) : null}
          {can.managePeople(me) ? (
            <NavLink to={href.people()} active={current.page === 'people'}>
              People
            </NavLink>
          ) : null}
        </nav>
        <div class="who">
          <span data-testid="who">
            <strong>{me.name}</strong> <span class="muted">{me.roles.join(', ')}</span>
          </span>
          <a href={href.account()} class="link">
            Account
          </a>
          <button type="button" class="link" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" class="page" tabIndex={-1}>
        <Page route={current} me={me} />
      </main>
    </>
  );
}

const TITLES: Record<Route['page'], string> = {
  home: 'Desk',
  queue: 'Claims',
  claim: 'Claim',
  submit: 'Submit a claim',
  articles: 'Articles',
  'article-new': 'New article',
  article: 'Article',
  audit: 'Audit',
  webhooks: 'Webhooks',
  claimant: 'Claimant',
  account: 'Account',
  people: 'People',
  invitation: 'Welcome',
};

const homeOf = (me: Me): Route =>
  can.audit(me) && !can.submit(me) ? { page: 'audit' } : { page: 'queue' };

function NavLink(props: { to: string; active: boolean; children: string }) {
  return (
    <a
      href={props.to}
      class={props.active ? 'active' : undefined}
      aria-current={props.active ? 'page' : undefined}
    >
      {props.children}
    </a>
  );
}

function Page({ route, me }: { route: Route; me: Me }) {
  switch (route.page) {
    case 'claim':
      return <ClaimPage key={route.id} id={route.id} me={me} />;
    case 'submit':
      return <SubmitPage me={me} />;
    case 'articles':
      return <ArticlesPage me={me} />;
    case 'article-new':
      return <NewArticlePage me={me} />;
    case 'article':
      return <ArticlePage key={route.id} id={route.id} me={me} />;
    case 'audit':
      return <AuditPage me={me} />;
    case 'webhooks':
      return <WebhooksPage me={me} />;
    case 'claimant':
      return <ClaimantPage key={route.id} id={route.id} />;
    case 'account':
      return <AccountPage me={me} />;
    case 'people':
      return <PeoplePage me={me} />;
    default:
      return <QueuePage me={me} />;
  }
}

render(<App />, document.getElementById('app')!);
