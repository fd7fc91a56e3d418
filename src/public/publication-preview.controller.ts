import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { ParseIdPipe } from '../common/validation/parse-id.pipe.js';
import { AppConfig } from '../config/app-config.js';
import { PublicationService } from '../publishing/publication.service.js';
import { factCheckPage } from './fact-check-page.js';

// GET /api/v1/claims/:id/publication/preview: the draft rendered by the public page's own
// template, for the desk's preview (shown in a sandboxed frame).
@ApiTags('publishing')
@ApiBearerAuth()
@Controller('claims/:id/publication')
export class PublicationPreviewController {
  constructor(
    private readonly publications: PublicationService,
    private readonly config: AppConfig,
  ) {}

  @Get('preview')
  @Roles('editor', 'admin')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'the public page the draft would make (HTML)' })
  @ApiProblems(403, 404, 409, 422)
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async preview(@Param('id', ParseIdPipe) id: string): Promise<string> {
    const preview = await this.publications.preview(id);
    return factCheckPage({
      ...preview,
      feedUrl: `${this.config.publicBaseUrl}/fact-checks/feed.xml`,
    }).value;
  }
}
