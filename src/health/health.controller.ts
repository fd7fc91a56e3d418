import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/decorators.js';

const CHECK_TIMEOUT_MS = 2000;

@ApiTags('health')
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and database reachability (no authentication)' })
  @ApiResponse({ status: 200, description: '{"status":"ok","db":"up"}' })
  @ApiResponse({ status: 503, description: '{"status":"unavailable","db":"down"}' })
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    if (await this.databaseAnswers()) return { status: 'ok', db: 'up' };
    void reply.status(HttpStatus.SERVICE_UNAVAILABLE).header('retry-after', '5');
    return { status: 'unavailable', db: 'down' };
  }

  private async databaseAnswers(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
    });
    const query = this.dataSource.query('SELECT 1').then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([query, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
