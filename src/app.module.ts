import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { ProblemDetailsFilter } from './common/problem/problem-details.filter.js';
import { createValidationPipe } from './common/validation/validation-pipe.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { HealthModule } from './health/health.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { IdentityModule } from './identity/identity.module.js';
import { OidcModule } from './identity/oidc/oidc.module.js';
import { WebModule } from './web/web.module.js';
import { ClaimsModule } from './claims/claims.module.js';
import { ClaimantsModule } from './claimants/claimants.module.js';
import { PublishingModule } from './publishing/publishing.module.js';
import { PublicModule } from './public/public.module.js';
import { CommentsModule } from './comments/comments.module.js';
import { SourcesModule } from './sources/sources.module.js';
import { ArticlesModule } from './articles/articles.module.js';
import { EventsModule } from './events/events.module.js';

@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({
          ...dataSourceOptions({
            url: config.databaseUrl,
            poolSize: config.databasePoolSize,
            keepIdleConnections: true,
          }),
          autoLoadEntities: true,
          // Migrations run before the app starts (see main.ts), under a lock.
          migrationsRun: false,
        }),
        AuditModule,
        AuthModule,
        IdentityModule,
        OidcModule,
        HealthModule,
        WebModule,
        ClaimsModule,
        ClaimantsModule,
        PublishingModule,
        PublicModule,
        SourcesModule,
        CommentsModule,
        ArticlesModule,
        EventsModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
