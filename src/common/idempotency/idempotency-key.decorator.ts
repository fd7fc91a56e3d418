import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../problem/domain-error.js';

// 1–255 printable ASCII characters, as the key is echoed in logs and stored as text.
const VALID_KEY = /^[\x21-\x7e](?:[\x20-\x7e]{0,253}[\x21-\x7e])?$/;

// `@IdempotencyKey() key: string | undefined` — the validated Idempotency-Key header.
export const IdempotencyKey = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined => {
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key'];
    if (header === undefined) return undefined;
    if (typeof header !== 'string' || !VALID_KEY.test(header)) {
      const message = 'must be 1–255 printable ASCII characters';
      throw new DomainError('validation', `Idempotency-Key: ${message}`, {
        errors: [{ field: 'Idempotency-Key', message }],
      });
    }
    return header;
  },
);
