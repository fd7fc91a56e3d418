import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsUUID,
  Matches,
} from 'class-validator';
import { PageQuery } from '../../common/pagination/page-query.dto.js';
import { TextField } from '../../common/validation/text.validators.js';
import { CLAIM_STATUSES, ClaimStatus, OPEN_STATUSES } from '../../domain/claim-status.js';
import { PRIORITIES, type Priority } from '../../domain/priorities.js';
import { MAX_TAG_LENGTH } from './claim.dto.js';
import { IsTimestamp } from '../../common/validation/timestamps.js';
import { LanguageTag } from './language-tag.js';

export const CLAIM_SORTS = ['-createdAt', 'createdAt', '-priority'] as const;
export type ClaimSort = (typeof CLAIM_SORTS)[number];

// `status=submitted,in_review` → ['submitted', 'in_review'].
const commaList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? [...new Set(value.split(',').map((part) => part.trim()))] : value;

export class ListClaimsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'comma list', example: 'submitted,in_review' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CLAIM_STATUSES.length)
  @IsIn(CLAIM_STATUSES, { each: true })
  status?: ClaimStatus[];

  @ApiPropertyOptional({ description: 'full-text search over text and claimant' })
  @IsOptional()
  @TextField(1, 200)
  q?: string;

  @ApiPropertyOptional({ example: 'casualties' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  )
  @TextField(1, MAX_TAG_LENGTH)
  tag?: string;

  @ApiPropertyOptional({ description: 'exact, case-insensitive' })
  @IsOptional()
  @TextField(1, 500)
  claimant?: string;

  @ApiPropertyOptional({ description: 'claims linked to this claimant (GET /claimants)' })
  @IsOptional()
  @IsUUID()
  claimantId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  submittedBy?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({
    example: 'uk',
    description: 'BCP 47; `uk` also matches `uk-UA`. With q, the query is parsed in it only',
  })
  @IsOptional()
  @LanguageTag()
  language?: string;

  @ApiPropertyOptional({ description: 'comma list', example: 'high,urgent' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PRIORITIES.length)
  @IsIn(PRIORITIES, { each: true })
  priority?: Priority[];

  @ApiPropertyOptional({ description: 'inclusive, RFC 3339', example: '2022-03-01T00:00:00Z' })
  @IsOptional()
  @IsTimestamp()
  createdFrom?: string;

  @ApiPropertyOptional({ description: 'exclusive, RFC 3339', example: '2022-04-01T00:00:00Z' })
  @IsOptional()
  @IsTimestamp()
  createdTo?: string;

  @ApiPropertyOptional({ enum: CLAIM_SORTS, default: '-createdAt' })
  @IsOptional()
  @IsIn(CLAIM_SORTS)
  sort: ClaimSort = '-createdAt';
}

export const QUEUE_SORTS = ['queue', 'due'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
const ASSIGNEE = /^(me|none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export class ReviewQueueQuery extends PageQuery {
  @ApiPropertyOptional({ description: '`me`, `none` (unassigned) or an editor id' })
  @IsOptional()
  @Matches(ASSIGNEE, { message: 'must be me, none or a user id' })
  assignee?: string;

  @ApiPropertyOptional({ description: 'true: past their due date; false: not (or no due date)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'due before this moment (exclusive), RFC 3339' })
  @IsOptional()
  @IsTimestamp()
  dueBefore?: string;

  @ApiPropertyOptional({
    enum: QUEUE_SORTS,
    default: 'queue',
    description: '`queue`: urgent first, then oldest; `due`: earliest due date first, none last',
  })
  @IsOptional()
  @IsIn(QUEUE_SORTS)
  sort: QueueSort = 'queue';

  @ApiPropertyOptional({ description: 'only the claims assigned to me' })
  @IsOptional()
  @IsIn(['true', 'false'])
  mine?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'comma list', enum: OPEN_STATUSES })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(OPEN_STATUSES, { each: true })
  status?: ClaimStatus[];

  @ApiPropertyOptional({ description: 'comma list', example: 'urgent' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(PRIORITIES, { each: true })
  priority?: Priority[];
}

export class ClaimQuery {
  @ApiPropertyOptional({
    description: 'rebuild the claim as it stood at this moment from its audit events',
    example: '2022-03-03T12:00:00.000Z',
  })
  @IsOptional()
  @IsTimestamp()
  asOf?: string;
}
