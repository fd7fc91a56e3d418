import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditTrail } from './audit-trail.service.js';
import { AuditDigestService } from './digest/audit-digest.service.js';
import { AuditExportService } from './export/audit-export.service.js';

@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditTrail, AuditLogService, AuditExportService, AuditDigestService],
  exports: [AuditTrail],
})
export class AuditModule {}
