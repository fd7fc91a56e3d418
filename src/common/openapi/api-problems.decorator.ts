import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

export class FieldErrorView {
  @ApiProperty({ example: 'text' }) field!: string;
  @ApiProperty({ example: 'must be 1–2000 characters long' })
  message!: string;
}

export class ProblemView {
  @ApiProperty({ example: 'https://claimdesk.dev/problems/validation' }) type!: string;
  @ApiProperty({ example: 'Invalid request' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty({ example: 'text: text must be a string' }) detail!: string;
  @ApiPropertyOptional({ type: [FieldErrorView] }) errors?: FieldErrorView[];
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (malformed JSON, wrong types, unknown fields, bad query)',
  401: 'Missing, invalid, revoked or expired token',
  403: 'Not allowed for this user (role, ownership or four-eyes rule)',
  404: 'No such resource',
  409: 'Conflicts with the current state (e.g. illegal transition)',
  412: 'If-Match does not match the current version',
  413: 'Body larger than BODY_LIMIT (ARTICLE_BODY_LIMIT for article ingest)',
  422: 'Semantically invalid (e.g. evidence rule not met)',
  428: 'If-Match header required',
  429: 'Rate limit exceeded for this token, or too many failed authentications from this address',
  503: 'Database unreachable (or, for articles, claim extraction past its time limit or busy, or long articles’ duplicate lookups using the server’s share); retry after the Retry-After delay',
};

// Documents the problem+json responses an endpoint can return.
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ...[...new Set([401, 429, 503, ...statuses])].map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Problem',
        content: {
          'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemView' } },
        },
      }),
    ),
  );
}
