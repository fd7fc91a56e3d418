import type { FastifyInstance } from 'fastify';

// A body refused before it was read (413 on its Content-Length, 415 on its type) is
// answered at once, while the client is still sending it. Fastify then closes the
// connection, and a client still writing gets EPIPE or ECONNRESET instead of the answer
// (fetch: "fetch failed"): measured, 53 of 300 one-megabyte posts to /claims. Up to
// `readUpTo` bytes the connection stays open instead and Node reads the rest of the body
// and drops it, as a web server's lingering close does, so the client reads the problem
// response. A larger or unsized (chunked) body is still cut off; REQUEST_TIMEOUT_MS bounds
// the time any body may take.
// (A 503 while the server shuts down also says `connection: close`, and keeps it.)
const REFUSED_BODY = new Set([413, 415]);

export function answerRefusedBodiesCleanly(fastify: FastifyInstance, readUpTo: number): void {
  // A callback hook, not an async one: it runs on every response.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (REFUSED_BODY.has(reply.statusCode) && reply.getHeader('connection') === 'close') {
      const length = Number(request.headers['content-length']);
      if (Number.isSafeInteger(length) && length <= readUpTo) reply.removeHeader('connection');
    }
    done(null, payload);
  });
}
