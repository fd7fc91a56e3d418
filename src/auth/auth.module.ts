import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config.js';
import { ApiToken } from './api-token.entity.js';
import { AuthGuard } from './auth.guard.js';
import { RememberedIdentityInterceptor } from './remembered-identity.interceptor.js';
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
    // Global because the routes it serves live in rooms that do not import this module
    // (the operator CLI loads them without guards or start-up hooks).
    { provide: APP_INTERCEPTOR, useClass: RememberedIdentityInterceptor },
  ],
  exports: [UsersService, TokensService],
})
export class AuthModule {}
