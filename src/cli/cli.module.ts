import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { ClaimantsModule } from '../claimants/claimants.module.js';
import { ClaimsModule } from '../claims/claims.module.js';
import { CommentsModule } from '../comments/comments.module.js';
import { SourcesModule } from '../sources/sources.module.js';
import { ApiToken } from '../auth/api-token.entity.js';
import { TokensService } from '../auth/tokens.service.js';
import { User } from '../auth/user.entity.js';
import { UsersService } from '../auth/users.service.js';
import { AppConfig } from '../config/app-config.js';
import { ConfigModule } from '../config/config.module.js';
import { dataSourceOptions } from '../database/data-source-options.js';

// The same services and database as the app, without HTTP, guards or start-up hooks.
@Module({})
export class CliModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({
          ...dataSourceOptions({
            url: config.databaseUrl,
            poolSize: 2,
            applicationName: 'claimdesk-cli',
          }),
          autoLoadEntities: true,
        }),
        TypeOrmModule.forFeature([User, ApiToken]),
        AuditModule,
        ClaimsModule,
        ClaimantsModule,
        SourcesModule,
        CommentsModule,
      ],
      providers: [UsersService, TokensService],
    };
  }
}
