import type { Socket } from 'node:net';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

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
    let buffered = Buffer.alloc(0);
    let startup = true;
    client.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        const header = startup ? 0 : 1;
        if (buffered.length < header + 4) return;
        const length = buffered.readInt32BE(header);
        if (buffered.length < header + length) return;
        const body = buffered.subarray(header + 4, header + length);
        if (startup) {
          const code = buffered.readInt32BE(4);
          if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) startup = false;
        } else {
          this.read(String.fromCharCode(buffered[0]), body, live);
        }
        buffered = buffered.subarray(header + length);
      }
    });
  };

  private read(type: string, body: Buffer, live: Set<string>) {
    const cstring = (from: number) => body.toString('utf8', from, body.indexOf(0, from));
    if (type === 'P') {
      const name = cstring(0);
      if (name) {
        this.parses++;
        live.add(name);
        this.peak = Math.max(this.peak, live.size);
      }
    } else if (type === 'C' && body[0] === 'S'.charCodeAt(0)) {
      live.delete(cstring(1));
    } else if (type === 'Q') {
      const match = /^\s*DEALLOCATE\s+(?:PREPARE\s+)?("?)(\w+)\1\s*;?\s*$/i.exec(cstring(0));
      if (match && match[2].toUpperCase() === 'ALL') live.clear();
      else if (match) live.delete(match[2]);
    }
  }

  // What each connection holds now.
  held(): number[] {
    return this.connections.map((live) => live.size);
  }
}
