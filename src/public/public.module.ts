import { Module } from '@nestjs/common';
import { PublishingModule } from '../publishing/publishing.module.js';
import { FactChecksController } from './fact-checks.controller.js';
import { PublicationPreviewController } from './publication-preview.controller.js';

// The public fact-check pages and feeds, and the desk's preview of them.
@Module({
  imports: [PublishingModule],
  controllers: [FactChecksController, PublicationPreviewController],
})
export class PublicModule {}
