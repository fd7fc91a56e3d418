import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

// Public answers are cached by readers' browsers and CDNs for a minute and revalidated by
// ETag (a hash of the body, so it changes exactly when the page does). Not-found answers
// are not cached: a page published a second later must be up at once.
export function sendPublic(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: { status: number; contentType: string; body: string },
): void {
  const etag = `"${createHash('sha256').update(answer.body).digest('base64url').slice(0, 27)}"`;
  void reply.header('content-type', answer.contentType).header('etag', etag);
  void reply.header('cache-control', answer.status === 404 ? 'no-cache' : 'public, max-age=60');
  const ifNoneMatch = request.headers['if-none-match'];
  if (answer.status === 200 && ifNoneMatch?.split(/\s*,\s*/).includes(etag)) {
    void reply.status(304).send();
    return;
  }
  void reply.status(answer.status).send(answer.body);
}
