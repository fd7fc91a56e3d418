import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUrl } from 'class-validator';
import { PageQuery } from '../../common/pagination/page-query.dto.js';
import { OptionalNotNull, TextField } from '../../common/validation/text.validators.js';
import {
  CLAIMANT_DESCRIPTION_MAX,
  CLAIMANT_NAME_MAX,
  MAX_CLAIMANT_ALIASES,
} from '../../domain/claimants.js';
import {
  CLAIMANT_TYPES,
  type ClaimantType,
  MAX_CLAIMANT_SAME_AS,
} from '../../domain/publication.js';

const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };
const trimEach = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? value.map((item: unknown) => (typeof item === 'string' ? item.trim() : item))
    : value;

// The fields a claimant shares between create and edit (all optional here).
class ClaimantFieldsDto {
  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_CLAIMANT_ALIASES,
    example: ['SES', 'State Emergency Service of Ukraine'],
    description: 'other names it is known by; unique (any case) among claimants of its type',
  })
  @OptionalNotNull()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(MAX_CLAIMANT_ALIASES)
  @TextField(1, CLAIMANT_NAME_MAX, { each: true })
  aliases?: string[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_CLAIMANT_SAME_AS,
    example: ['https://www.wikidata.org/wiki/Q4500613'],
    description: 'pages that identify it (Wikidata, Wikipedia, official site)',
  })
  @OptionalNotNull()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(MAX_CLAIMANT_SAME_AS)
  @TextField(1, 2048, { each: true })
  @IsUrl(HTTP_URL, { each: true, message: 'must be http or https URLs' })
  sameAs?: string[];

  @ApiPropertyOptional({ maxLength: CLAIMANT_DESCRIPTION_MAX, nullable: true })
  @IsOptional()
  @TextField(1, CLAIMANT_DESCRIPTION_MAX)
  description?: string | null;
}

export class CreateClaimantDto extends ClaimantFieldsDto {
  @ApiProperty({ example: "Ukraine's State Emergency Service", maxLength: CLAIMANT_NAME_MAX })
  @TextField(1, CLAIMANT_NAME_MAX)
  name!: string;

  @ApiProperty({ enum: CLAIMANT_TYPES, example: 'Organization' })
  @IsIn(CLAIMANT_TYPES)
  type!: ClaimantType;
}

// PATCH: every field optional; `description` may be cleared with null, `aliases` and
// `sameAs` are replaced whole.
export class UpdateClaimantDto extends ClaimantFieldsDto {
  @ApiPropertyOptional({ maxLength: CLAIMANT_NAME_MAX })
  @OptionalNotNull()
  @TextField(1, CLAIMANT_NAME_MAX)
  name?: string;

  @ApiPropertyOptional({ enum: CLAIMANT_TYPES })
  @OptionalNotNull()
  @IsIn(CLAIMANT_TYPES)
  type?: ClaimantType;
}

export class ListClaimantsQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'typo-tolerant search over names and aliases (trigram), best match first',
    maxLength: CLAIMANT_NAME_MAX,
  })
  @IsOptional()
  @TextField(1, CLAIMANT_NAME_MAX)
  q?: string;

  @ApiPropertyOptional({ enum: CLAIMANT_TYPES })
  @IsOptional()
  @IsIn(CLAIMANT_TYPES)
  type?: ClaimantType;
}
