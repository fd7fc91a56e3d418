import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/decorators.js';
import { PageQuery } from '../common/pagination/page-query.dto.js';
import { AppConfig } from '../config/app-config.js';
import { SLUG_PATTERN } from '../domain/publication.js';
import { PublishedFactChecksService } from '../publishing/published-fact-checks.service.js';
import { sendPublic } from './cacheable-reply.js';
import { factCheckListPage } from './fact-check-list-page.js';
import { factCheckPage, notFoundPage, retractedPage } from './fact-check-page.js';
import { atomFeed, dataFeed } from './feeds.js';
import { PAGE_CSS } from './page-css.js';

const HTML = 'text/html; charset=utf-8';
// The feeds carry the newest entries only; aggregators poll them.
const FEED_SIZE = 50;

// The public fact-check pages and feeds (SPEC §12): no token, server-rendered, built only
// from what was published. Every URL comes from PUBLIC_BASE_URL, never from the request.
@ApiTags('public')
@Public()
@Controller('fact-checks')
export class FactChecksController {
  constructor(
    private readonly published: PublishedFactChecksService,
    private readonly config: AppConfig,
  ) {}

  private get base() {
    return this.config.publicBaseUrl;
  }

  private get feedUrl() {
    return `${this.base}/fact-checks/feed.xml`;
  }

  @Get()
  @ApiOperation({ summary: 'published fact-checks, newest first (HTML, keyset pages)' })
  @ApiProduces(HTML)
  @ApiOkResponse({ description: 'HTML page' })
  async list(
    @Query() query: PageQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const page = await this.published.list(query.limit, query.cursor);
    const next = page.nextCursor && new URLSearchParams({ cursor: page.nextCursor });
    if (next && query.limit !== undefined) next.set('limit', String(query.limit));
    const body = factCheckListPage({
      items: page.items.map((item) => item.snapshot),
      nextUrl: next ? `${this.base}/fact-checks?${next.toString()}` : null,
      newsroomName: this.config.newsroomName,
      newsroomUrl: this.config.newsroomUrl,
      language: this.config.newsroomLanguage,
      canonicalUrl: `${this.base}/fact-checks`,
      feedUrl: this.feedUrl,
    });
    sendPublic(request, reply, { status: 200, contentType: HTML, body: body.value });
  }

  @Get('feed.xml')
  @ApiOperation({ summary: 'Atom feed of publications and corrections' })
  @ApiProduces('application/atom+xml')
  async atom(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const entries = await this.published.feedEntries(FEED_SIZE);
    const body = atomFeed(entries, this.feedContext()).value;
    sendPublic(request, reply, {
      status: 200,
      contentType: 'application/atom+xml; charset=utf-8',
      body,
    });
  }

  @Get('feed.json')
  @ApiOperation({ summary: 'schema.org DataFeed of the current ClaimReviews' })
  @ApiProduces('application/ld+json')
  async json(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const reviews = await this.published.currentClaimReviews(FEED_SIZE);
    sendPublic(request, reply, {
      status: 200,
      contentType: 'application/ld+json; charset=utf-8',
      body: JSON.stringify(dataFeed(reviews, this.feedContext())),
    });
  }

  @Get('page.css')
  @ApiOperation({ summary: 'the public pages’ stylesheet' })
  css(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    // Loadable from the desk's preview too, a sandboxed frame with an opaque origin that
    // the default Cross-Origin-Resource-Policy (same-origin) would refuse.
    void reply.header('cross-origin-resource-policy', 'cross-origin');
    sendPublic(request, reply, {
      status: 200,
      contentType: 'text/css; charset=utf-8',
      body: PAGE_CSS,
    });
  }

  @Get(':slug')
  @ApiOperation({ summary: 'a fact-check page (HTML): 404 unknown, 410 retracted' })
  @ApiProduces(HTML)
  async page(
    @Param('slug') slug: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const factCheck = SLUG_PATTERN.test(slug) ? await this.published.bySlug(slug) : undefined;
    if (!factCheck) {
      const body = notFoundPage({
        newsroomName: this.config.newsroomName,
        newsroomUrl: this.config.newsroomUrl,
        language: this.config.newsroomLanguage,
        feedUrl: this.feedUrl,
      });
      return sendPublic(request, reply, { status: 404, contentType: HTML, body: body.value });
    }
    if (factCheck.status === 'retracted' && factCheck.retraction) {
      const body = retractedPage({
        ...factCheck,
        retraction: factCheck.retraction,
        feedUrl: this.feedUrl,
      });
      return sendPublic(request, reply, { status: 410, contentType: HTML, body: body.value });
    }
    const body = factCheckPage({ ...factCheck, feedUrl: this.feedUrl });
    sendPublic(request, reply, { status: 200, contentType: HTML, body: body.value });
  }

  private feedContext() {
    return {
      baseUrl: this.base,
      newsroomName: this.config.newsroomName,
      newsroomUrl: this.config.newsroomUrl,
    };
  }
}
