import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';

// Google's fact-check markup as a JSON Schema (claim-review.schema.json), checked by Ajv.
const require = createRequire(import.meta.url);
const { Ajv } = require('ajv') as typeof import('ajv');
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;

export function claimReviewValidator(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  addFormats(ajv);
  const schema = JSON.parse(
    readFileSync(new URL('./claim-review.schema.json', import.meta.url), 'utf8'),
  ) as object;
  return ajv.compile(schema);
}

// Every <script type="application/ld+json"> block of an HTML page, parsed.
export function jsonLdBlocks(page: string): unknown[] {
  return [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (match) => JSON.parse(match[1]),
  );
}

export const scripts = (page: string) => page.match(/<script\b/g) ?? [];
