import { Global, Module } from '@nestjs/common';
import { RequestActivityModule } from '../common/http/request-activity.js';
import { AuditController } from './audit.controller.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditTrail } from './audit-trail.service.js';
import { AuditDigestService } from './digest/audit-digest.service.js';
import { AuditExportService } from './export/audit-export.service.js';

@Global()
@Module({
  imports: [RequestActivityModule],
  controllers: [AuditController],
  providers: [AuditTrail, AuditLogService, AuditExportService, AuditDigestService],
  exports: [AuditTrail],
})
export class AuditModule {}
