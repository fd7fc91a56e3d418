import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { TextField } from '../../common/validation/text.validators.js';
import { LanguageTag } from '../../claims/dto/language-tag.js';
import { PRIORITIES, type Priority } from '../../domain/priorities.js';

export class StatusCountsQuery {
  @ApiPropertyOptional({ description: 'full-text search over text and claimant' })
  @IsOptional()
  @TextField(1, 200)
  q?: string;

  @ApiPropertyOptional({ description: 'as GET /claims: case-insensitive' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  )
  @TextField(1, 50)
  tag?: string;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'as GET /claims: who submitted them' })
  @IsOptional()
  @IsUUID()
  submittedBy?: string;

  @ApiPropertyOptional({ example: 'uk', description: 'as GET /claims: `uk` also counts `uk-UA`' })
  @IsOptional()
  @LanguageTag()
  language?: string;
}
