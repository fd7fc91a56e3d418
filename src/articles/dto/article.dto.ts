import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUrl, ValidateBy } from 'class-validator';
import {
  CodePointLength,
  codePointLength,
  NoNulCharacters,
  TextField,
  trimString,
  WellFormedUnicode,
} from '../../common/validation/text.validators.js';
import { IsTimestamp } from '../../common/validation/timestamps.js';
import { LanguageTag } from '../../claims/dto/language-tag.js';
import { MAX_LANGUAGE_TAG_LENGTH } from '../../domain/languages.js';

// The articles table's CHECK counts characters as PostgreSQL does (code points).
export const MAX_ARTICLE_CHARACTERS = 200_000;

const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

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
  title?: string;

  @ApiPropertyOptional({ maxLength: 2048, example: 'https://www.newsnationnow.com/world/ukraine' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @CodePointLength(0, 2048)
  @NoNulCharacters()
  @IsUrl(HTTP_URL, { message: 'must be an http or https URL' })
  url?: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'Associated Press' })
  @IsOptional()
  @TextField(1, 200)
  outlet?: string;

  @ApiPropertyOptional({
    example: '2022-03-02T18:00:00Z',
    description: 'RFC 3339 date or date-time',
  })
  @IsOptional()
  @IsTimestamp()
  publishedAt?: string;

  @ApiPropertyOptional({
    example: 'uk',
    maxLength: MAX_LANGUAGE_TAG_LENGTH,
    description:
      'BCP 47, stored canonical; default NEWSROOM_LANGUAGE. Claims taken from the article inherit it',
  })
  @IsOptional()
  @LanguageTag()
  language?: string;
}
