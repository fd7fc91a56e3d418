import { useEffect, useState } from 'preact/hooks';
import { get, messageOf, post } from '../api.js';
import { formatDateTime } from '../format.js';
import { can, type Me } from '../session.js';
import type { Comment, Page } from '../types.js';
import { Alert, Field, inputValue } from '../ui.js';
import { useRequest } from '../use-request.js';

export function CommentsSection(props: { me: Me; claimId: string; onCommented: () => void }) {
  const { me, claimId } = props;
  const [comments, setComments] = useState<Comment[]>([]);
  const [text, setText] = useState('');
  const { busy, error, setError, send } = useRequest();

  const load = () =>
    get<Page<Comment>>(`/claims/${claimId}/comments?limit=200`)
      .then((reply) => setComments(reply.body.items))
      .catch((failure) => setError(messageOf(failure)));
  useEffect(() => void load(), [claimId]);

  const submit = (event: Event) => {
    event.preventDefault();
    if (!text.trim()) return;
    return send(async () => {
      await post(`/claims/${claimId}/comments`, { body: { body: text.trim() } });
      setText('');
      await load();
      props.onCommented();
    });
  };

  return (
    <section class="card" aria-labelledby="comments-title">
      <h2 id="comments-title">Comments</h2>
      {comments.length ? (
        <ol class="comments">
          {comments.map((comment) => (
            <li>
              <div class="small">
                <strong>{comment.authorName}</strong>{' '}
                <span class="muted">{formatDateTime(comment.createdAt)}</span>
              </div>
              <p class="comment-text">{comment.body}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted">No comments yet.</p>
      )}
      {can.comment(me) ? (
        <form onSubmit={submit}>
          <Field label="Add a comment">
            <textarea
              name="comment"
              rows={3}
              maxLength={5000}
              value={text}
              onInput={(e) => setText(inputValue(e))}
            />
          </Field>
          <Alert>{error}</Alert>
          <button type="submit" disabled={busy || !text.trim()}>
            Comment
          </button>
        </form>
      ) : null}
    </section>
  );
}
