import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsOptional, IsUrl, IsUUID, ValidateBy, ValidateNested } from 'class-validator';
import { PageQuery } from '../../common/pagination/page-query.dto.js';
import {
  CodePointLength,
  NoNulCharacters,
  OptionalNotNull,
  TextField,
  trimString,
} from '../../common/validation/text.validators.js';
import { STANCES } from '../../domain/claim-status.js';
import type { Stance } from '../../domain/claim-status.js';
import { SOURCE_KINDS, type SourceKind } from '../../domain/source-kinds.js';
import { normalizeSourceUrl } from '../source-url.js';
import { IsTimestamp } from '../../common/validation/timestamps.js';

// URLs are stored normalised, which percent-encodes non-ASCII characters (é becomes %C3%A9),
// so the column's 2,048-character limit applies to that form, checked here rather than
// by the CHECK constraint (a 500).
const MAX_URL_CHARACTERS = 2048;
const FitsWhenNormalised = () =>
  ValidateBy({
    name: 'fitsWhenNormalised',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string') return true;
        try {
          return normalizeSourceUrl(value).length <= MAX_URL_CHARACTERS;
        } catch {
          return false;
        }
      },
      defaultMessage: () =>
        `must be at most ${MAX_URL_CHARACTERS} characters once normalised (percent-encoded)`,
    },
  });

export class CreateSourceDto {
  @ApiProperty({ enum: SOURCE_KINDS, example: 'official_statement' })
  @IsIn(SOURCE_KINDS)
  kind!: SourceKind;

  @ApiProperty({ example: 'General Assembly resolution ES-11/1', maxLength: 500 })
  @TextField(1, 500)
  title!: string;

  @ApiPropertyOptional({
    example: 'https://news.un.org/en/story/2022/03/1113152',
    description: 'http/https; a URL already known (after normalisation) returns that source',
  })
  @IsOptional()
  @Transform(trimString)
  @CodePointLength(0, MAX_URL_CHARACTERS)
  @NoNulCharacters()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'must be an http or https URL' },
  )
  @FitsWhenNormalised()
  url?: string;

  @ApiPropertyOptional({ example: 'United Nations', maxLength: 200 })
  @IsOptional()
  @TextField(1, 200)
  publisher?: string;

  @ApiPropertyOptional({ example: '2022-03-02T18:00:00Z' })
  @IsOptional()
  @IsTimestamp()
  publishedAt?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @TextField(1, 5000)
  notes?: string;
}

// Either an existing source by id or a new one inline (deduplicated by URL); neither may be
// sent as null (the service tells the two apart by which one is present).
export class AttachEvidenceDto {
  @ApiPropertyOptional({ description: 'an existing source; or give `source`' })
  @OptionalNotNull()
  @IsUUID()
  sourceId?: string;

  @ApiPropertyOptional({ type: CreateSourceDto, description: 'a new source; or give `sourceId`' })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => CreateSourceDto)
  source?: CreateSourceDto;

  @ApiProperty({ enum: STANCES, example: 'supports' })
  @IsIn(STANCES)
  stance!: Stance;

  @ApiPropertyOptional({ maxLength: 2000, example: 'Records the vote as 141-5-35.' })
  @IsOptional()
  @TextField(1, 2000)
  note?: string;
}

export class ListSourcesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SOURCE_KINDS })
  @IsOptional()
  @IsIn(SOURCE_KINDS)
  kind?: SourceKind;

  @ApiPropertyOptional({ description: 'find the source known under this URL (normalised)' })
  @IsOptional()
  @Transform(trimString)
  @CodePointLength(0, MAX_URL_CHARACTERS)
  @NoNulCharacters()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'must be an http or https URL' },
  )
  @FitsWhenNormalised()
  url?: string;
}
