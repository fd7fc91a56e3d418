import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '../config/app-config.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { ParseIdPipe } from '../common/validation/parse-id.pipe.js';
import { ClaimReviewService } from './claim-review.service.js';

export const JSON_LD = 'application/ld+json';

@ApiTags('claims')
@ApiBearerAuth()
@Controller('claims')
export class ClaimReviewController {
  constructor(
    private readonly reviews: ClaimReviewService,
    private readonly config: AppConfig,
  ) {}

  @Get(':id/claimreview')
  @ApiOperation({ summary: 'schema.org ClaimReview (JSON-LD) for a decided claim' })
  @ApiProduces(JSON_LD)
  @ApiOkResponse({ description: 'ClaimReview JSON-LD', content: { [JSON_LD]: {} } })
  @ApiProblems(404, 409)
  @Header('content-type', JSON_LD)
  review(@Param('id', ParseIdPipe) id: string) {
    // The review's own address on the public origin (PUBLIC_BASE_URL), never taken from
    // Host or X-Forwarded-* headers, which any client can set.
    const url = `${this.config.publicBaseUrl}/api/v1/claims/${id}/claimreview`;
    return this.reviews.forClaim(id, url);
  }
}
