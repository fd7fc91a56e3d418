import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUrl, IsUUID, Matches } from 'class-validator';
import { OptionalNotNull, TextField } from '../../common/validation/text.validators.js';
import {
  CLAIM_REVIEWED_MAX,
  CLAIMANT_TYPES,
  type ClaimantType,
  HEADLINE_MAX,
  MAX_CITED_SOURCES,
  MAX_CLAIMANT_SAME_AS,
  NOTE_MAX,
  SLUG_PATTERN,
  SUMMARY_MAX,
} from '../../domain/publication.js';

const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

// PUT /claims/:id/publication: the draft of the public fact-check.
export class PublicationDraftDto {
  @ApiProperty({ minLength: 1, maxLength: HEADLINE_MAX })
  @TextField(1, HEADLINE_MAX)
  headline!: string;

  @ApiProperty({
    minLength: 1,
    maxLength: SUMMARY_MAX,
    description: 'the public explanation; never the internal rationale',
  })
  @TextField(1, SUMMARY_MAX)
  summary!: string;

  @ApiPropertyOptional({
    maxLength: CLAIM_REVIEWED_MAX,
    description: 'the claim as readers see it; defaults to the claim text when ≤ 140',
  })
  @OptionalNotNull()
  @TextField(1, CLAIM_REVIEWED_MAX)
  claimReviewed?: string;

  @ApiPropertyOptional({ example: 'en', description: 'BCP 47; default NEWSROOM_LANGUAGE' })
  @OptionalNotNull()
  @Matches(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$/, { message: 'must be a BCP 47 tag' })
  language?: string;

  @ApiPropertyOptional({ enum: CLAIMANT_TYPES })
  @OptionalNotNull()
  @IsIn(CLAIMANT_TYPES)
  claimantType?: ClaimantType;

  @ApiPropertyOptional({ type: [String], maxItems: MAX_CLAIMANT_SAME_AS })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_CLAIMANT_SAME_AS)
  @TextField(1, 2048, { each: true })
  @IsUrl(HTTP_URL, { each: true, message: 'must be http or https URLs' })
  claimantSameAs?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: MAX_CITED_SOURCES })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_CITED_SOURCES)
  @IsUUID('all', { each: true })
  citedSourceIds?: string[];

  @ApiPropertyOptional({ pattern: SLUG_PATTERN.source, description: 'fixed once published' })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'must be 3–80 characters of a-z, 0-9 and -' })
  slug?: string;
}

// POST /claims/:id/publication/publish
export class PublishDto {
  @ApiPropertyOptional({
    maxLength: NOTE_MAX,
    description: 'required after the first publication: what changed and why',
  })
  @IsOptional()
  @TextField(1, NOTE_MAX)
  correction?: string;
}

// DELETE /claims/:id/publication
export class RetractDto {
  @ApiProperty({ maxLength: NOTE_MAX, description: 'shown on the retraction notice' })
  @TextField(1, NOTE_MAX)
  reason!: string;
}
