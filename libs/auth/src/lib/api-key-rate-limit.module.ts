import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { ApiKeyThrottlerGuard } from './api-key-throttler.guard';

const WINDOW_MS = 60_000;

/** The per-key rate limit of an app's workspace routes (`RATE_LIMIT_PER_MINUTE`; 0 turns it off). */
@Module({})
export class ApiKeyRateLimitModule {
  static forRoot(options: { readonly perMinute: number }): DynamicModule {
    if (options.perMinute <= 0) return { module: ApiKeyRateLimitModule };
    return {
      module: ApiKeyRateLimitModule,
      imports: [ThrottlerModule.forRoot({ throttlers: [{ name: 'default', ttl: WINDOW_MS, limit: options.perMinute }] })],
      providers: [{ provide: APP_GUARD, useClass: ApiKeyThrottlerGuard }],
    };
  }
}
