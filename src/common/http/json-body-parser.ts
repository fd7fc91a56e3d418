import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';
import { DomainError } from '../problem/domain-error.js';

// Deep enough for any real claimdesk body (the deepest is a claim with a span: 2 levels).
export const MAX_JSON_DEPTH = 32;

// No claimdesk body has more than a few dozen fields and items (tags ≤ 20); this bound
// keeps a body of 90,000 keys from costing a parse (~100 ms of CPU for 1 MB) at all.
export const MAX_JSON_ITEMS = 1000;

// The deepest nesting of objects and arrays in a JSON text, and how many separators
// (`,` and `:`, i.e. roughly values) it has, found in one pass without parsing, so a
// hostile body cannot make the parser or later code recurse deeply or walk huge objects.
export function jsonShape(text: string): { depth: number; separators: number } {
  let depth = 0;
  let deepest = 0;
  let separators = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c)
        i++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x2c || char === 0x3a) separators++;
    else if (char === 0x7b || char === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (char === 0x7d || char === 0x5d) depth--;
  }
  return { depth: deepest, separators };
}

export const jsonNestingDepth = (text: string): number => jsonShape(text).depth;

const FORBIDDEN_KEY_DETAIL =
  'The request body contains a forbidden key (__proto__, constructor or prototype).';

// `constructor` and `prototype` are no field of any body, yet class-transformer drops them
// before the whitelist looks, so `{"text":"…","prototype":1}` was accepted instead of getting
// the 400 every other unknown field gets. Refused at any depth (bounded by MAX_JSON_DEPTH).
function refuseReservedKeys(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) return value.forEach(refuseReservedKeys);
  for (const [key, item] of Object.entries(value)) {
    if (key === 'constructor' || key === 'prototype') {
      throw new DomainError('malformed-request', FORBIDDEN_KEY_DETAIL);
    }
    refuseReservedKeys(item);
  }
}

// JSON bodies: depth-limited, and `__proto__` / `constructor` / `prototype` keys refused
// rather than silently honoured or dropped (prototype pollution).
export function parseJsonBody(text: string): unknown {
  const shape = jsonShape(text);
  if (shape.depth > MAX_JSON_DEPTH) {
    throw new DomainError('malformed-request', `JSON nested deeper than ${MAX_JSON_DEPTH} levels.`);
  }
  if (shape.separators > 2 * MAX_JSON_ITEMS) {
    throw new DomainError(
      'malformed-request',
      `The request body has more than ${MAX_JSON_ITEMS} fields and items; no request needs that many.`,
    );
  }
  if (text.trim() === '') {
    throw new DomainError('malformed-request', 'The request body is empty.');
  }
  let parsed: unknown;
  try {
    parsed = secureJson.parse(text, undefined, {
      protoAction: 'error',
      constructorAction: 'error',
    });
  } catch (error) {
    const forbidden = error instanceof SyntaxError && /forbidden prototype/.test(error.message);
    throw new DomainError(
      'malformed-request',
      forbidden ? FORBIDDEN_KEY_DETAIL : 'The request body is not valid JSON.',
    );
  }
  refuseReservedKeys(parsed);
  return parsed;
}

// Gives one route a body limit of its own (Fastify's route option wins over the parser's),
// set as Nest registers the route.
export function allowLargerBodies(
  fastify: FastifyInstance,
  route: { method: string; url: string },
  bodyLimit: number,
): void {
  fastify.addHook('onRoute', (options) => {
    const methods = [options.method].flat();
    if (options.url === route.url && methods.includes(route.method)) options.bodyLimit = bodyLimit;
  });
}
