import { finished, type Readable, Transform, type TransformCallback } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../problem/domain-error.js';

// Deep enough for any real claimdesk body (the deepest is a claim with a span: 2 levels).
export const MAX_JSON_DEPTH = 32;

// No claimdesk body has more than a few dozen fields and items (tags ≤ 20); this bound
// keeps a body of 90,000 keys from costing a parse (~100 ms of CPU for 1 MB) at all.
export const MAX_JSON_ITEMS = 1000;

interface JsonShape {
  depth: number;
  separators: number;
  marks: number;
}

const LIMITS: JsonShape = {
  depth: MAX_JSON_DEPTH,
  // A field is a `:` and a `,`; an array item a `,`.
  separators: 2 * MAX_JSON_ITEMS,
  // Brackets, separators and strings (a string counts once): a text of a million `[]` or
  // `""` has no separators to count, and is refused once it has more marks than the fields
  // and items of any real body could make.
  marks: 6 * MAX_JSON_ITEMS,
};

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

// Follows the structure of a JSON text as its bytes arrive, without parsing it: how deep
// its objects and arrays nest, how many separators (`,` and `:`, i.e. roughly values) and
// marks it has. Once a count passes its limit the check stops looking and the body is
// refused, so a hostile body can neither make the parser or later code recurse deeply or
// walk huge objects nor hold the event loop while a megabyte of it is examined at once.
// Bytes, not characters: every mark is ASCII, and no byte of a multi-byte UTF-8 character
// is, so a character split between two chunks needs no care.
export class JsonShapeCheck {
  readonly shape: JsonShape = { depth: 0, separators: 0, marks: 0 };
  private depth = 0;
  private inString = false;
  private escaped = false;
  private over = false;

  // Takes the next bytes of the text; false once the text is over a limit.
  push(bytes: Uint8Array): boolean {
    const { shape } = this;
    for (let i = 0; i < bytes.length && !this.over; i++) {
      const byte = bytes[i];
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === BACKSLASH) this.escaped = true;
        else if (byte === QUOTE) this.inString = false;
        continue;
      }
      if (byte === QUOTE) {
        this.inString = true;
        this.over = ++shape.marks > LIMITS.marks;
      } else if (byte === COMMA || byte === COLON) {
        this.over = ++shape.separators > LIMITS.separators || ++shape.marks > LIMITS.marks;
      } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
        shape.depth = Math.max(shape.depth, ++this.depth);
        this.over = shape.depth > LIMITS.depth || ++shape.marks > LIMITS.marks;
      } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        this.depth--;
      }
    }
    return !this.over;
  }

  // The problem to answer a body over a limit with; undefined while it is within them.
  refusal(): DomainError | undefined {
    if (!this.over) return undefined;
    if (this.shape.depth > LIMITS.depth) {
      return new DomainError(
        'malformed-request',
        `JSON nested deeper than ${MAX_JSON_DEPTH} levels.`,
      );
    }
    return new DomainError(
      'malformed-request',
      `The request body has more than ${MAX_JSON_ITEMS} fields and items; no request needs that many.`,
    );
  }
}

// Passes a body on while its shape is within the limits, and only counts what arrives after
// it is not: the body is still read to its end, so the client gets its 400 on a connection
// that stays usable (an unread body would stall it), yet the refused megabyte is never
// gathered, decoded or parsed. Fastify checks the body limit and Content-Length against
// `receivedEncodedLength`, so every byte read counts there.
class ShapeCheckingStream extends Transform {
  receivedEncodedLength = 0;
  private reading = false;

  constructor(
    private readonly body: Readable,
    private readonly check: JsonShapeCheck,
  ) {
    super();
  }

  // The body is taken from the request only when Fastify reads it: a body it refuses unread
  // (413 on its Content-Length, 415 on its type) is left to Node, which drains it after the
  // answer as it does any body nobody read. A client that goes away mid-body ends the read
  // with its error (finished() reports a close before the end as one). Not pipeline(),
  // which does the same but makes and aborts an AbortController per call, whose
  // DOMException cost 20 µs per body (25–30 µs a body through pipeline, 6 through pipe
  // and finished(), 20,000 bodies, process.cpuUsage): about 2 % of a transition.
  override _read(size: number): void {
    if (!this.reading) {
      this.reading = true;
      this.body.pipe(this);
      finished(this.body, (error) => {
        if (error) this.destroy(error);
      });
    }
    super._read(size);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.receivedEncodedLength += chunk.length;
    done(null, this.check.push(chunk) ? chunk : undefined);
  }
}

// A body of at most this many bytes (by its Content-Length, which Node holds the body to)
// is checked whole once read, in the body parser, instead of through a stream of its own:
// gathering it costs no more than any small body, and checking 16 KiB at once takes about
// 60 µs, less than parsing it. The stream per body (its pipe, finished() and transform)
// was 1.8 % of the service's time under the decide load, where every body is a couple of
// hundred bytes (bench/README.md, "Where the time goes").
export const CHECKED_WHOLE_UP_TO = 16 * 1024;

// By request (whatever server type Fastify gives it).
const checks = new WeakMap<object, JsonShapeCheck>();

// Every body the service reads is JSON (the one body parser), so every body is checked.
export function checkJsonShapeWhileReading(fastify: FastifyInstance): void {
  // A callback hook, not an async one: it runs on every request.
  fastify.addHook('preParsing', (request, _reply, payload, done) => {
    const { 'content-type': type, 'content-length': length } = request.headers;
    // No Content-Length (a chunked body) is NaN, which is no small body.
    if (type === undefined || Number(length) <= CHECKED_WHOLE_UP_TO) return done(null, payload);
    const check = new JsonShapeCheck();
    checks.set(request, check);
    done(null, new ShapeCheckingStream(payload, check));
  });
}

// Throws the refusal for a body whose shape is over a limit: as it was read, or, for a
// small body, now.
export function refuseMisshapenBody(request: object, body: Buffer): void {
  const refusal = (checks.get(request) ?? checkedWhole(body)).refusal();
  if (refusal) throw refusal;
}

function checkedWhole(body: Buffer): JsonShapeCheck {
  const check = new JsonShapeCheck();
  check.push(body);
  return check;
}
