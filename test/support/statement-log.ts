import type { Socket } from 'node:net';
import { MessageReader, readFrontendMessages } from './frontend-messages.js';

// A statement as the service ran it: its text and the values bound to it (text-format
// values as strings, binary ones as bytes, SQL NULL as null).
export interface SentStatement {
  text: string;
  values: (string | Buffer | null)[];
  // Which of the service's connections sent it: 1 for the first the relay saw, and so on.
  connection: number;
}

// Every statement the service sends, read off the protocol by a relay (TcpProxy's
// `observe`): a Bind names the parsed statement it runs and carries its values; a simple
// Query carries its text alone. Named statements are remembered per connection, since
// they are parsed once and bound many times.
export class StatementLog {
  private sent: SentStatement[] = [];
  private connections = 0;

  readonly observe = (client: Socket) => {
    const connection = ++this.connections;
    const parsed = new Map<string, string>();
    readFrontendMessages(client, (type, body) => {
      const message = new MessageReader(body);
      if (type === 'P') {
        const name = message.cstring();
        parsed.set(name, message.cstring());
      } else if (type === 'B') {
        message.cstring(); // the portal
        const text = parsed.get(message.cstring());
        if (text !== undefined) {
          this.sent.push({ text, values: boundValues(message), connection });
        }
      } else if (type === 'Q') {
        this.sent.push({ text: message.cstring(), values: [], connection });
      }
    });
  };

  // What was sent since the last call.
  take(): SentStatement[] {
    const sent = this.sent;
    this.sent = [];
    return sent;
  }
}

// A Bind's values: format codes (none: all text; one: for all; else one each), then
// each value's length (-1 for NULL) and bytes.
function boundValues(message: MessageReader): (string | Buffer | null)[] {
  const formats = Array.from({ length: message.int16() }, () => message.int16());
  return Array.from({ length: message.int16() }, (_, index) => {
    const length = message.int32();
    if (length === -1) return null;
    const bytes = Buffer.from(message.bytes(length));
    const binary = (formats.length === 1 ? formats[0] : formats[index]) === 1;
    return binary ? bytes : bytes.toString('utf8');
  });
}
