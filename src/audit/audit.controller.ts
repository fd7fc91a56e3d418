import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { Roles } from '../common/http/roles.decorator.js';
import { AUDIT_READERS } from '../domain/roles.js';
import { AuditReadService, AuditPage } from './audit-read.service.js';
import { RequesterId } from '../common/http/requester-id.decorator.js';
import { AuditDigestService } from './digest/audit-digest.service.js';
import type { AuditDigest } from './digest/audit-digest.js';
import { AuditExportQuery, AuditPageQuery } from './dto/audit-query.dto.js';
import { AuditDigestView, AuditPageView } from './dto/audit.view.js';
import { AuditExportService } from './export/audit-export.service.js';
import { EXPORT_CONTENT_TYPES } from './export/export-format.js';

@ApiTags('audit')
@ApiBearerAuth()
@Roles(...AUDIT_READERS)
@Controller('audit')
export class AuditController {
  constructor(
    private readonly log: AuditReadService,
    private readonly exports: AuditExportService,
    private readonly digests: AuditDigestService,
  ) {}

  @Get('events')
  @ApiOperation({ summary: 'The global audit log, oldest first, in keyset pages' })
  @ApiOkResponse({ type: AuditPageView })
  @ApiProblems(400, 403)
  events(@Query() query: AuditPageQuery): Promise<AuditPage> {
    return this.log.page(query);
  }

  @Get('export')
  @ApiOperation({
    summary: 'Every matching event as one consistent snapshot, streamed',
    description:
      'NDJSON (one event a line), CSV (RFC 4180, header row) or a JSON array. One export ' +
      'at a time per user (a second gets 429); when every export slot (EXPORT_POOL_SIZE) ' +
      'is in use, 503 with Retry-After.',
  })
  @ApiProduces(...Object.values(EXPORT_CONTENT_TYPES))
  @ApiOkResponse({ description: 'The export, as an attachment' })
  @ApiProblems(400, 403)
  async export(
    @Query() query: AuditExportQuery,
    @RequesterId() requesterId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { format, ...filters } = query;
    const body = await this.exports.open(requesterId, filters, format);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    await reply
      .header('content-type', EXPORT_CONTENT_TYPES[format])
      .header('content-disposition', `attachment; filename="claimdesk-audit-${stamp}.${format}"`)
      .header('cache-control', 'no-store')
      .send(body);
  }

  @Get('digest')
  @ApiOperation({ summary: 'Merkle root over every chain head, signed when a key is set' })
  @ApiOkResponse({ type: AuditDigestView })
  @ApiProblems(403)
  @Header('cache-control', 'no-store')
  digest(): Promise<AuditDigest> {
    return this.digests.current();
  }

  @Get('public-key')
  @ApiOperation({ summary: 'The Ed25519 public key that verifies digest signatures (PEM)' })
  @ApiProduces('application/x-pem-file')
  @ApiOkResponse({ description: 'SPKI public key, PEM' })
  @ApiProblems(403, 404)
  publicKey(@Res({ passthrough: true }) reply: FastifyReply): string {
    const pem = this.digests.publicKeyPem();
    void reply.header('content-type', 'application/x-pem-file');
    return pem;
  }
}
