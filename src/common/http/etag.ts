import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../problem/domain-error.js';

// Strong ETags carry the row's version: `"3"`.
export const etagOf = (version: number) => `"${version}"`;

// Answers with the ETag of a versioned resource's current representation (not of one
// rebuilt `asOf` a past moment). Set in the handler rather than by an interceptor: hot
// routes then skip Nest's interceptor chain.
export function withEtag<T extends { version: number }>(reply: FastifyReply, view: T): T {
  void reply.header('etag', etagOf(view.version));
  return view;
}

// What an If-Match header asks for: `any` for `*`, otherwise the versions it names.
export type VersionPrecondition = { any: true } | { any: false; versions: number[] };

const ENTITY_TAG = /^(?:W\/)?"(\d{1,9})"$/;

// Parses If-Match. Missing where required → 428; a tag that is not one of our versions can
// never match → 412. `*` is refused where required: it would defeat lost-update protection.
export function parseIfMatch(
  header: string | undefined,
  required: boolean,
): VersionPrecondition | undefined {
  const value = header?.trim();
  if (!value) {
    if (!required) return undefined;
    throw new DomainError(
      'precondition-required',
      'Send If-Match with the ETag of the version you read, e.g. If-Match: "3".',
    );
  }
  if (value === '*') {
    if (!required) return { any: true };
    throw new DomainError(
      'precondition-required',
      'If-Match must name the version you read, e.g. If-Match: "3"; * is not enough here.',
    );
  }
  const versions = value.split(',').map((tag) => Number(ENTITY_TAG.exec(tag.trim())?.[1]));
  if (versions.some((version) => !Number.isInteger(version))) {
    throw new DomainError('stale-version', 'If-Match does not name a version of this resource.');
  }
  return { any: false, versions };
}

// Throws 412 (with the current ETag) unless the precondition holds for `current`.
export function assertVersionMatches(
  precondition: VersionPrecondition | undefined,
  current: number,
  what = 'The claim',
): void {
  if (!precondition || precondition.any || precondition.versions.includes(current)) return;
  throw new DomainError(
    'stale-version',
    `${what} has changed: it is now at version ${current}, not ${precondition.versions.join(', ')}. Reload it and try again.`,
    { headers: { etag: etagOf(current) }, extensions: { currentVersion: current } },
  );
}

// `@IfMatch({ required: true }) precondition` in a controller.
export const IfMatch = createParamDecorator(
  (options: { required: boolean } | undefined, context: ExecutionContext) => {
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
    return parseIfMatch(Array.isArray(header) ? header.join(',') : header, !!options?.required);
  },
);
