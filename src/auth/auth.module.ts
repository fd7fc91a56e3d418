import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config.js';
import { ApiToken } from './api-token.entity.js';
import { AuthGuard } from './auth.guard.js';
import { BootstrapAdminService } from './bootstrap-admin.service.js';
import { TokenThrottlerGuard } from './rate-limit.js';
import { TokenAuthenticatorService } from './token-authenticator.service.js';
import { TokensService } from './tokens.service.js';
import { User } from './user.entity.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([User, ApiToken]),
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ ttl: 60_000, limit: config.rateLimitPerMinute || 1 }],
        skipIf: () => config.rateLimitPerMinute === 0,
      }),
    }),
  ],
  controllers: [UsersController],
  providers: [
    TokenAuthenticatorService,
    UsersService,
    TokensService,
    BootstrapAdminService,
    // Order matters: the rate limit is checked before the token is looked up.
    { provide: APP_GUARD, useClass: TokenThrottlerGuard },
    AuthGuard,
    { provide: APP_GUARD, useExisting: AuthGuard },
  ],
  exports: [UsersService, TokensService],
})
export class AuthModule {}
