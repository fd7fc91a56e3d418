import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';
import { DomainError } from '../problem/domain-error.js';
import { refuseMisshapenBody } from './json-shape.js';

const FORBIDDEN_KEY_DETAIL =
  'The request body contains a forbidden key (__proto__, constructor or prototype).';

// `constructor` and `prototype` are no field of any body, yet class-transformer drops them
// before the whitelist looks, so `{"text":"…","prototype":1}` was accepted instead of getting
// the 400 every other unknown field gets. Refused at any depth (bounded by MAX_JSON_DEPTH:
// a body deeper than that was refused as it was read).
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

// A request's JSON body, once its shape was found within bounds (see json-shape.ts).
export function parseJsonRequestBody(request: object, body: Buffer): unknown {
  refuseMisshapenBody(request, body);
  return parseJsonBody(body.toString('utf8'));
}

// `__proto__` / `constructor` / `prototype` keys are refused rather than silently honoured
// or dropped (prototype pollution). The text's shape must have been checked: the walk for
// reserved keys recurses as deep as the text nests.
export function parseJsonBody(text: string): unknown {
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
