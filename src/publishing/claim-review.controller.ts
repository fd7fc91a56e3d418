import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../common/problem/domain-error.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { ParseIdPipe } from '../common/validation/parse-id.pipe.js';
import { ClaimReview } from './claim-review.js';
import { PublishedFactChecksService } from './published-fact-checks.service.js';

export const JSON_LD = 'application/ld+json';

@ApiTags('claims')
@ApiBearerAuth()
@Controller('claims')
export class ClaimReviewController {
  constructor(private readonly published: PublishedFactChecksService) {}

  @Get(':id/claimreview')
  @ApiOperation({ summary: 'the published schema.org ClaimReview (JSON-LD) of a claim' })
  @ApiProduces(JSON_LD)
  @ApiOkResponse({ description: 'ClaimReview JSON-LD', content: { [JSON_LD]: {} } })
  @ApiProblems(404)
  @Header('content-type', JSON_LD)
  async review(@Param('id', ParseIdPipe) id: string): Promise<ClaimReview> {
    // What readers see, exactly as published: never rebuilt from the claim as it is now.
    const review = await this.published.claimReviewOf(id);
    if (!review) throw new DomainError('not-found', `Claim ${id} has no published fact-check.`);
    return review;
  }
}
