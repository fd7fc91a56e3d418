import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { countClaimsByStatus } from '../claims/claim-reads.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { StatusCountsQuery } from './dto/status-counts.dto.js';
import { StatusCountsView } from './dto/status-counts.view.js';

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
