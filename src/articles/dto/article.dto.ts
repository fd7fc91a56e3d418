import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  ValidateBy,
} from 'class-validator';
import { NoNulCharacters, TextField, trimString } from '../../common/validation/text.validators.js';

// The articles table's CHECK counts characters as PostgreSQL does (code points).
export const MAX_ARTICLE_CHARACTERS = 200_000;

const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

// A lone surrogate cannot be stored as UTF-8 (nor in the jsonb of the stored candidates),
// so it is refused rather than silently replaced, which would change the text under the spans.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const WellFormedUnicode = () =>
  ValidateBy({
    name: 'wellFormedUnicode',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || !LONE_SURROGATE.test(value),
      defaultMessage: () => 'must be well-formed Unicode (no lone surrogates)',
    },
  });

export function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) length--;
  }
  return length;
}

// 1–200,000 characters counted as the database counts them, and not only whitespace.
const ArticleTextLength = () =>
  ValidateBy({
    name: 'articleTextLength',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' &&
        value.trim() !== '' &&
        codePointLength(value) <= MAX_ARTICLE_CHARACTERS,
      defaultMessage: () =>
        `must hold 1–${MAX_ARTICLE_CHARACTERS.toLocaleString('en')} characters and not be blank`,
    },
  });

// Dates as PostgreSQL reads them: a calendar date, or a date and time with an optional offset.
const TIMESTAMP =
  /^[1-9]\d{3}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

export class CreateArticleDto {
  @ApiProperty({
    description:
      'the article as pasted, stored verbatim (not trimmed): candidate spans index into it',
    minLength: 1,
    maxLength: MAX_ARTICLE_CHARACTERS,
    example: 'So far, more than 2,000 civilians have died, Ukraine’s State Emergency Service said.',
  })
  @IsString()
  @NoNulCharacters()
  @WellFormedUnicode()
  @ArticleTextLength()
  text!: string;

  @ApiPropertyOptional({ maxLength: 500, example: 'Russians seize Kherson, besiege Mariupol' })
  @IsOptional()
  @TextField(1, 500)
  @WellFormedUnicode()
  title?: string;

  @ApiPropertyOptional({ maxLength: 2048, example: 'https://www.newsnationnow.com/world/ukraine' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(2048)
  @NoNulCharacters()
  @IsUrl(HTTP_URL, { message: 'must be an http or https URL' })
  url?: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'Associated Press' })
  @IsOptional()
  @TextField(1, 200)
  @WellFormedUnicode()
  outlet?: string;

  @ApiPropertyOptional({ example: '2022-03-02T18:00:00Z', description: 'ISO 8601' })
  @IsOptional()
  @IsString()
  @Matches(TIMESTAMP, { message: 'must be an ISO 8601 date or date-time' })
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date or date-time' })
  publishedAt?: string;
}
