import { Global, Module } from '@nestjs/common';
import { RequestActivityModule } from '../common/http/request-activity.service.js';
import { AuditController } from './audit.controller.js';
import { AuditReadService } from './audit-read.service.js';
import { AuditAppendService } from './audit-append.service.js';
import { AuditDigestService } from './digest/audit-digest.service.js';
import { AuditExportService } from './export/audit-export.service.js';

@Global()
@Module({
  imports: [RequestActivityModule],
  controllers: [AuditController],
  providers: [AuditAppendService, AuditReadService, AuditExportService, AuditDigestService],
  exports: [AuditAppendService],
})
export class AuditModule {}
