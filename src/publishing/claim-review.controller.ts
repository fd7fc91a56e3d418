import { Controller, Get, Header, Param, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { ParseIdPipe } from '../common/validation/parse-id.pipe.js';
import { ClaimReviewService } from './claim-review.service.js';

export const JSON_LD = 'application/ld+json';

@ApiTags('claims')
@ApiBearerAuth()
@Controller('claims')
export class ClaimReviewController {
  constructor(private readonly reviews: ClaimReviewService) {}

  @Get(':id/claimreview')
  @ApiOperation({ summary: 'schema.org ClaimReview (JSON-LD) for a decided claim' })
  @ApiProduces(JSON_LD)
  @ApiOkResponse({ description: 'ClaimReview JSON-LD', content: { [JSON_LD]: {} } })
  @ApiProblems(404, 409)
  @Header('content-type', JSON_LD)
  review(@Param('id', ParseIdPipe) id: string, @Req() request: FastifyRequest) {
    // The review's own address, as the client reached it (trustProxy honours
    // X-Forwarded-Proto and -Host behind a load balancer).
    const url = `${request.protocol}://${request.host}/api/v1/claims/${id}/claimreview`;
    return this.reviews.forClaim(id, url);
  }
}
