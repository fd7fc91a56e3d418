import type { Socket } from 'node:net';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

// Calls `onMessage` with each message a client sends to PostgreSQL (the frontend
// protocol: a type byte, a length, a body), read off the client's socket, for a relay's
// observer (TcpProxy). The start-up packet and an SSL or GSS request, which carry no type
// byte, are skipped.
export function readFrontendMessages(
  client: Socket,
  onMessage: (type: string, body: Buffer) => void,
): void {
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
        onMessage(String.fromCharCode(buffered[0]), body);
      }
      buffered = buffered.subarray(header + length);
    }
  });
}

// Reads a message body field by field.
export class MessageReader {
  private at = 0;
  constructor(private readonly body: Buffer) {}

  cstring(): string {
    const end = this.body.indexOf(0, this.at);
    const text = this.body.toString('utf8', this.at, end);
    this.at = end + 1;
    return text;
  }

  int16(): number {
    const value = this.body.readInt16BE(this.at);
    this.at += 2;
    return value;
  }

  int32(): number {
    const value = this.body.readInt32BE(this.at);
    this.at += 4;
    return value;
  }

  bytes(length: number): Buffer {
    const bytes = this.body.subarray(this.at, this.at + length);
    this.at += length;
    return bytes;
  }
}
