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
import { CLAIM_STATUSES, type ClaimStatus } from '../domain/claim-status.js';
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
    const where: string[] = [];
    const params: unknown[] = [];
    const bind = (value: unknown) => `$${params.push(value)}`;
    if (query.q) where.push(`search @@ websearch_to_tsquery('english', ${bind(query.q)})`);
    if (query.tag) where.push(`tags @> ARRAY[${bind(query.tag)}]::text[]`);
    if (query.priority) where.push(`priority = ${bind(query.priority)}`);
    if (query.assigneeId) where.push(`assignee_id = ${bind(query.assigneeId)}`);
    const rows: { status: string; count: string }[] = await this.dataSource.query(
      `SELECT status, count(*) AS count FROM claims
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        GROUP BY status`,
      params,
    );
    const counts = Object.fromEntries(CLAIM_STATUSES.map((status) => [status, 0])) as Record<
      ClaimStatus,
      number
    >;
    for (const row of rows) counts[row.status as ClaimStatus] = Number(row.count);
    return { counts };
  }
}
