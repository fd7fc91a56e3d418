import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { OptionalNotNull, TextField } from '../../common/validation/text.validators.js';
import { PRIORITIES, type Priority } from '../../domain/priorities.js';
import { MAX_TAG_LENGTH, MAX_TAGS, normaliseTags } from './claim.dto.js';

export const BULK_ACTIONS = [
  'assign',
  'start_review',
  'set_priority',
  'add_tags',
  'remove_tags',
  'withdraw',
] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
export const MAX_BULK_ITEMS = 200;

export class BulkItemDto {
  @ApiProperty() @IsUUID() id!: string;

  @ApiProperty({ description: 'the version you read: its If-Match', minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(999_999_999)
  version!: number;
}

// POST /claims/bulk. `params` depends on the action; see the *ParamsDto classes below.
export class BulkDto {
  @ApiProperty({ enum: BULK_ACTIONS })
  @IsIn(BULK_ACTIONS)
  action!: BulkAction;

  @ApiProperty({ type: [BulkItemDto], minItems: 1, maxItems: MAX_BULK_ITEMS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => BulkItemDto)
  items!: BulkItemDto[];

  @ApiPropertyOptional({
    description:
      'assign: {assigneeId, dueAt?}; start_review: {rationale?}; set_priority: {priority}; ' +
      'add_tags / remove_tags: {tags}; withdraw: {rationale}',
  })
  @IsOptional()
  @IsObject()
  params?: Record<string, unknown>;
}

export class StartReviewParamsDto {
  @OptionalNotNull()
  @TextField(1, 5000)
  rationale?: string;
}

export class WithdrawParamsDto {
  @TextField(1, 5000)
  rationale!: string;
}

export class PriorityParamsDto {
  @IsIn(PRIORITIES)
  priority!: Priority;
}

export class TagsParamsDto {
  @Transform(normaliseTags)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TAGS)
  @TextField(1, MAX_TAG_LENGTH, { each: true })
  tags!: string[];
}
