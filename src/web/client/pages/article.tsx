import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, messageOf, newKey, post } from '../api.js';
import { findMarks, Highlighted } from '../highlight.js';
import { countOf, firstCharacters } from '../format.js';
import { href, navigate } from '../router.js';
import { can, type Me } from '../session.js';
import type { Article, Candidate, Claim, ExtractionFeature } from '../types.js';
import { CommonLanguages, LanguageInput, languageName, languageProblem } from '../language.js';
import { Alert, Field, inputValue, Loading, StatusBadge } from '../ui.js';
import { useRequest } from '../use-request.js';

const emptyArticle = { title: '', url: '', outlet: '', text: '', language: '' };
// Times the article page asks for an article the service is too busy to look up now.
const LOAD_ATTEMPTS = 6;

export function NewArticlePage({ me }: { me: Me }) {
  const [form, setForm] = useState(emptyArticle);
  const { busy, error, setError, send } = useRequest();
  const [key, setKey] = useState(newKey);
  if (!can.submit(me)) return <Alert>Only reporters and editors ingest articles.</Alert>;

  const set = (field: keyof typeof emptyArticle) => (event: Event) =>
    setForm({ ...form, [field]: inputValue(event) });

  const submit = (event: Event) => {
    event.preventDefault();
    const problem = languageProblem(form.language);
    if (problem) return setError(problem);
    const body = Object.fromEntries(
      Object.entries(form)
        .filter(([, value]) => value.trim() !== '')
        .map(([field, value]) => [field, field === 'language' ? value.trim() : value]),
    );
    return send(async () => {
      const reply = await post<{ article: Article }>('/articles', { body, idempotencyKey: key });
      setKey(newKey());
      navigate(href.article(reply.body.article.id));
    });
  };

  return (
    <section aria-labelledby="article-title">
      <h1 id="article-title">Find the claims in an article</h1>
      <form class="card" onSubmit={submit}>
        <div class="grid-2">
          <Field label="Headline">
            <input name="title" maxLength={500} value={form.title} onInput={set('title')} />
          </Field>
          <Field label="Outlet">
            <input name="outlet" maxLength={200} value={form.outlet} onInput={set('outlet')} />
          </Field>
        </div>
        <div class="grid-2">
          <Field label="Article URL">
            <input type="url" name="url" value={form.url} onInput={set('url')} />
          </Field>
          <Field
            label="Language"
            hint="Claimants and hedges are found in English articles; other languages get sentences and figures. Empty: the newsroom’s."
          >
            <LanguageInput
              value={form.language}
              placeholder="newsroom default"
              onInput={(language) => setForm({ ...form, language })}
            />
          </Field>
        </div>
        <CommonLanguages />
        <Field label="Article text" hint="Paste the whole story; up to 200,000 characters.">
          <textarea
            name="text"
            rows={14}
            required
            maxLength={200000}
            value={form.text}
            onInput={set('text')}
          />
        </Field>
        <Alert>{error}</Alert>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Reading…' : 'Find claims'}
        </button>
      </form>
    </section>
  );
}

// An ingested article: each candidate with its claimant, figures and hedges marked, and
// one button that files it as a claim pointing back at its sentence.
export function ArticlePage({ id, me }: { id: string; me: Me }) {
  const [article, setArticle] = useState<Article | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [waiting, setWaiting] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    let retry: number | undefined;
    const load = (attempt: number) =>
      get<{ article: Article; candidates: Candidate[]; features: ExtractionFeature[] }>(
        `/articles/${id}`,
      )
        .then(({ body }) => {
          if (cancelled) return;
          setWaiting(null);
          setArticle({ ...body.article, candidates: body.candidates, features: body.features });
        })
        .catch((failure) => {
          if (cancelled) return;
          // A busy service (other long articles being checked for duplicates, the database
          // away a moment) says when to come back: the page does, a few times, and says so.
          const busy = failure instanceof ApiError && failure.status === 503 ? failure : null;
          const seconds = busy?.retryAfterSeconds;
          if (busy && seconds !== undefined && attempt < LOAD_ATTEMPTS) {
            setWaiting(`${busy.problem.title}: trying again in ${seconds} s…`);
            retry = window.setTimeout(() => void load(attempt + 1), seconds * 1000);
          } else {
            setWaiting(null);
            setError(messageOf(failure));
          }
        });
    void load(1);
    return () => {
      cancelled = true;
      window.clearTimeout(retry);
    };
  }, [id]);

  if (!article) {
    if (error) return <Alert>{error}</Alert>;
    if (waiting) return <Alert tone="info">{waiting}</Alert>;
    return <Loading what="the article" />;
  }
  const candidates = article.candidates ?? [];
  return (
    <section aria-labelledby="article-head">
      <h1 id="article-head">{article.title ?? 'Article'}</h1>
      <p class="muted small">
        {[article.outlet, article.url].filter(Boolean).join(' · ')} ·{' '}
        {countOf(candidates.length, 'candidate')} ·{' '}
        {candidates.filter((candidate) => candidate.filed.length).length} filed
      </p>
      <p class="small" aria-label="Extraction">
        Language: {languageName(article.language)} · found {(article.features ?? []).join(', ')}
        {article.features?.includes('claimants') ? null : (
          <span class="muted"> (claimants and hedges are found in English articles only)</span>
        )}
      </p>
      <p class="legend small" aria-label="Highlight legend">
        <mark class="hl hl-claimant">claimant</mark> <mark class="hl hl-figure">figure</mark>{' '}
        <mark class="hl hl-hedge">hedge</mark>
      </p>
      {candidates.length === 0 ? <p class="empty">No checkable sentences found.</p> : null}
      <ol class="candidates">
        {candidates.map((candidate) => (
          <CandidateItem article={article} candidate={candidate} me={me} />
        ))}
      </ol>
    </section>
  );
}

function CandidateItem(props: { article: Article; candidate: Candidate; me: Me }) {
  const { article, candidate, me } = props;
  // Filed earlier (the page as loaded says so) or just now.
  const [claimId, setClaimId] = useState<string | null>(candidate.filed[0]?.claimId ?? null);
  const { busy, error, send } = useRequest();
  const [key] = useState(newKey);
  const marks = findMarks(candidate.sentence, [
    ...(candidate.claimant ? [{ text: candidate.claimant, kind: 'claimant' }] : []),
    ...candidate.figures.map((figure) => ({
      text: figure.text,
      kind: 'figure',
      title: `figure: ${figure.value ?? '?'}${figure.qualifier ? ` (${figure.qualifier.replace(/_/g, ' ')})` : ''}`,
    })),
    ...candidate.hedges.map((hedge) => ({ text: hedge, kind: 'hedge' })),
  ]);

  const makeClaim = () => {
    const body = {
      text: firstCharacters(candidate.sentence, 2000),
      articleId: article.id,
      span: candidate.span,
      ...(candidate.claimant ? { claimant: candidate.claimant } : {}),
      ...(article.url ? { appearanceUrl: article.url } : {}),
    };
    return send(async () => {
      const reply = await post<Claim>('/claims', { body, idempotencyKey: key });
      setClaimId(reply.body.id);
    });
  };

  return (
    <li class="card candidate">
      <p class="candidate-sentence" lang={article.language}>
        <Highlighted text={candidate.sentence} marks={marks} />
      </p>
      <p class="candidate-meta small">
        <span>Claimant: {candidate.claimant ?? <span class="muted">none found</span>}</span>
        <span>Check-worthiness {Math.round(candidate.checkworthiness * 100)}%</span>
      </p>
      {claimId ? (
        <p class="alert alert-ok" role="status">
          {candidate.filed.length ? (
            <>
              <StatusBadge status={candidate.filed[0]!.status} /> Filed as a claim.{' '}
            </>
          ) : (
            'Claim filed. '
          )}
          <a href={href.claim(claimId)}>Open it</a>
        </p>
      ) : null}
      {candidate.duplicates.length ? (
        <div class="alert alert-warn" role="note">
          Possible duplicate of{' '}
          {candidate.duplicates.map((duplicate, index) => (
            <>
              {index ? ', ' : ''}
              <a href={href.claim(duplicate.claimId)}>
                a claim on file ({Math.round(duplicate.similarity * 100)}% similar)
              </a>
            </>
          ))}
          .
        </div>
      ) : null}
      <Alert>{error}</Alert>
      {!claimId && can.submit(me) ? (
        <button type="button" onClick={makeClaim} disabled={busy}>
          {candidate.duplicates.length ? 'Make a claim anyway' : 'Make a claim'}
        </button>
      ) : null}
    </li>
  );
}
