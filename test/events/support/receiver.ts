import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

// A real HTTP receiver on loopback, as a subscriber would run one: it records every
// request (headers and the raw body) and answers as the test tells it to.
export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

export type Responder = (
  received: Received,
  response: http.ServerResponse,
  index: number,
) => unknown;

export interface Receiver {
  url: string;
  received: Received[];
  respond(responder: Responder): void;
  // Requests carrying this webhook-id.
  withId(id: string): Received[];
  waitFor(predicate: (received: Received[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export const ok: Responder = (_received, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
};

export async function startReceiver(responder: Responder = ok): Promise<Receiver> {
  const received: Received[] = [];
  let respond = responder;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = {
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
        at: Date.now(),
      };
      received.push(entry);
      void respond(entry, response, received.length - 1);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    respond: (next) => (respond = next),
    withId: (id) => received.filter((entry) => entry.headers['webhook-id'] === id),
    async waitFor(predicate, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > deadline) {
          throw new Error(
            `receiver did not get what was expected; got ${received.length} requests`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      server.closeAllConnections();
      server.close();
    },
  };
}

// Verifies as a receiver would, with the standardwebhooks package; throws when invalid.
export function verified(secret: string, received: Received): unknown {
  return new Webhook(secret).verify(received.body, {
    'webhook-id': String(received.headers['webhook-id']),
    'webhook-timestamp': String(received.headers['webhook-timestamp']),
    'webhook-signature': String(received.headers['webhook-signature']),
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
