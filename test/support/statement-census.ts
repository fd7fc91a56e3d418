import type { Socket } from 'node:net';
import { MessageReader, readFrontendMessages } from './frontend-messages.js';

// Counts the named prepared statements each connection holds on its backend, read from
// what the client sends (PostgreSQL's frontend protocol): a Parse message with a name
// creates one, a Close of a statement or a DEALLOCATE drops it. pg_prepared_statements
// would say the same, but only to the session itself; this sees every connection of the
// service from outside, without a line of test code in the service.
export class StatementCensus {
  private readonly connections: Set<string>[] = [];
  // The most any one connection held at any moment.
  peak = 0;
  parses = 0;

  // For TcpProxy's `observe`.
  readonly observe = (client: Socket) => {
    const live = new Set<string>();
    this.connections.push(live);
    readFrontendMessages(client, (type, body) => this.read(type, body, live));
  };

  private read(type: string, body: Buffer, live: Set<string>) {
    const message = new MessageReader(body);
    if (type === 'P') {
      const name = message.cstring();
      if (name) {
        this.parses++;
        live.add(name);
        this.peak = Math.max(this.peak, live.size);
      }
    } else if (type === 'C' && message.bytes(1)[0] === 'S'.charCodeAt(0)) {
      live.delete(message.cstring());
    } else if (type === 'Q') {
      const match = /^\s*DEALLOCATE\s+(?:PREPARE\s+)?("?)(\w+)\1\s*;?\s*$/i.exec(message.cstring());
      if (match && match[2].toUpperCase() === 'ALL') live.clear();
      else if (match) live.delete(match[2]);
    }
  }

  // What each connection holds now.
  held(): number[] {
    return this.connections.map((live) => live.size);
  }
}
