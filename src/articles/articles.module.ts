import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../common/idempotency/idempotency.module.js';
import { ArticlesController } from './articles.controller.js';
import { ArticlesService } from './articles.service.js';
import { ExtractionPool } from './extraction-pool.js';

@Module({
  imports: [IdempotencyModule],
  controllers: [ArticlesController],
  providers: [ArticlesService, ExtractionPool],
})
export class ArticlesModule {}
