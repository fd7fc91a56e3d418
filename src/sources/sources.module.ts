import { Module } from '@nestjs/common';
import { EvidenceService } from './evidence.service.js';
import { SourcesController } from './sources.controller.js';
import { SourcesService } from './sources.service.js';

@Module({
  controllers: [SourcesController],
  providers: [SourcesService, EvidenceService],
  exports: [SourcesService],
})
export class SourcesModule {}
