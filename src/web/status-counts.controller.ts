import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { countClaimsByStatus } from '../claims/claim-reads.js';
import type { ClaimStatus } from '../domain/claim-status.js';
import { PRIORITIES, type Priority } from '../domain/priorities.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { TextField } from '../common/validation/text.validators.js';

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
}

export class StatusCountsView {
  @ApiProperty({
    example: { submitted: 12, in_review: 3, verified: 40 },
    description: 'claims per status under the filters; every status is present, 0 if none',
  })
  counts!: Record<ClaimStatus, number>;
}

// The desk's queue shows how many claims wait in each status under the current filters;
// the claims list itself is keyset-paged and has no totals, so the count is its own call.
@ApiTags('desk')
@ApiBearerAuth()
@Controller('desk')
export class StatusCountsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('status-counts')
  @ApiOperation({ summary: 'Number of claims per status, with the claims list filters' })
  @ApiOkResponse({ type: StatusCountsView })
  @ApiProblems(400)
  async counts(@Query() query: StatusCountsQuery): Promise<StatusCountsView> {
    return { counts: await countClaimsByStatus(this.dataSource.manager, query) };
  }
}
