import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsUrl,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CodePointLength,
  NoNulCharacters,
  OptionalNotNull,
  TextField,
  trimString,
} from '../../common/validation/text.validators.js';
import { CLAIM_STATUSES } from '../../domain/claim-status.js';
import type { ClaimStatus } from '../../domain/claim-status.js';
import { PRIORITIES, type Priority } from '../../domain/priorities.js';
import { IsCalendarDate } from '../../common/validation/timestamps.js';
import { MAX_LANGUAGE_TAG_LENGTH } from '../../domain/languages.js';
import { LanguageTag } from './language-tag.js';

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 50;

const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };
// Tags are trimmed, lower-cased and deduplicated.
export const normaliseTags = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? [...new Set(value.map((tag) => (typeof tag === 'string' ? tag.trim().toLowerCase() : tag)))]
    : value;

export class SpanDto {
  @ApiProperty({ minimum: 0, example: 1834 })
  @IsInt()
  @Min(0)
  @Max(400000) // 200,000 characters are at most 400,000 UTF-16 units
  start!: number;

  @ApiProperty({ minimum: 1, example: 1921, description: 'exclusive' })
  @IsInt()
  @Min(1)
  @Max(400000) // 200,000 characters are at most 400,000 UTF-16 units
  end!: number;
}

// Optional fields a claim shares between submit and edit.
class ClaimFieldsDto {
  @ApiPropertyOptional({ example: "Ukraine's State Emergency Service", maxLength: 500 })
  @IsOptional()
  @TextField(1, 500)
  claimant?: string | null;

  @ApiPropertyOptional({
    description: 'link to a claimant (GET /claimants); null unlinks',
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID()
  claimantId?: string | null;

  @ApiPropertyOptional({ example: '2022-03-02', description: 'date the claim was made' })
  @IsOptional()
  @IsCalendarDate()
  claimedAt?: string | null;

  @ApiPropertyOptional({ example: 'https://www.newsnationnow.com/world/ukraine', maxLength: 2048 })
  @IsOptional()
  @Transform(trimString)
  @CodePointLength(0, 2048)
  @NoNulCharacters()
  @IsUrl(HTTP_URL, { message: 'must be an http or https URL' })
  appearanceUrl?: string | null;

  @ApiPropertyOptional({ type: [String], maxItems: MAX_TAGS, example: ['casualties'] })
  @OptionalNotNull()
  @Transform(normaliseTags)
  @IsArray()
  @ArrayMaxSize(MAX_TAGS)
  @TextField(1, MAX_TAG_LENGTH, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ enum: PRIORITIES, default: 'normal' })
  @OptionalNotNull()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional({
    example: 'uk',
    maxLength: MAX_LANGUAGE_TAG_LENGTH,
    description:
      "BCP 47, stored canonical; on submit the article's language, else NEWSROOM_LANGUAGE",
  })
  @OptionalNotNull()
  @LanguageTag()
  language?: string;
}

export class CreateClaimDto extends ClaimFieldsDto {
  @ApiProperty({
    example: 'More than 2,000 civilians have died in Ukraine.',
    minLength: 1,
    maxLength: 2000,
  })
  @TextField(1, 2000)
  text!: string;

  @ApiPropertyOptional({ description: 'the ingested article the claim appears in' })
  @IsOptional()
  @IsUUID()
  articleId?: string;

  @ApiPropertyOptional({ type: SpanDto, description: 'where in the article; needs articleId' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SpanDto)
  span?: SpanDto;
}

// PATCH: every field optional; claimant, claimantId, claimedAt and appearanceUrl may be
// cleared with null.
export class UpdateClaimDto extends ClaimFieldsDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 2000 })
  @OptionalNotNull()
  @TextField(1, 2000)
  text?: string;
}
// `null` clears these; `@IsOptional` already lets null through their validators.
export const CLEARABLE_FIELDS = ['claimant', 'claimantId', 'claimedAt', 'appearanceUrl'] as const;

export class TransitionDto {
  @ApiProperty({ enum: CLAIM_STATUSES, example: 'verified' })
  @IsIn(CLAIM_STATUSES)
  to!: ClaimStatus;

  @ApiPropertyOptional({
    maxLength: 5000,
    description: 'required to decide, withdraw or reopen',
    example: 'Confirmed by the UN press release of 2 March 2022.',
  })
  @OptionalNotNull()
  @TextField(1, 5000)
  rationale?: string;
}
