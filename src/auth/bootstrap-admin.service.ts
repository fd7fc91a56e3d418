import { Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { OPERATOR_ACTOR } from './actor.js';
import { FirstAdminSignIn } from './first-admin-sign-in.js';
import { UsersService } from './users.service.js';

const BOOTSTRAP_LOCK = 4_172_004;

// On the first start against an empty database, creates the first admin so someone can
// sign in. Replicas starting together take turns on a lock, so it happens exactly once.
@Injectable()
export class BootstrapAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdminService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly config: AppConfig,
    @Optional() private readonly signIn?: FirstAdminSignIn,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [BOOTSTRAP_LOCK]);
      const [{ exists }] = (await runner.query('SELECT EXISTS (SELECT 1 FROM users)')) as {
        exists: boolean;
      }[];
      if (exists) return;
      const created = await this.users.create(
        OPERATOR_ACTOR,
        { name: 'Administrator', email: 'admin@claimdesk.local', roles: ['admin'] },
        this.config.bootstrapAdminToken,
      );
      this.logger.log(`created the first admin user ${created.user.id}`);
      if (!this.config.bootstrapAdminToken) {
        // Printed once, straight to the console, never to the structured log.
        console.log(`claimdesk: first admin token (shown once): ${created.token}`);
      }
      if (this.signIn) {
        const link = await this.signIn.linkFor(created.user.id);
        console.log(`claimdesk: first admin passkey link (shown once, valid 72 h): ${link}`);
      }
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [BOOTSTRAP_LOCK]).catch(() => undefined);
      await runner.release();
    }
  }
}
