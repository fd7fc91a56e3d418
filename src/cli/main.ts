import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '../config/app-config.js';
import { parseEnvironment } from '../config/environment.js';
import { openDatabase } from '../database/open-database.js';
import { DomainError } from '../common/problem/domain-error.js';
import { CliModule } from './cli.module.js';
import { UsageError } from './command.js';
import { commands } from './commands/index.js';

// `npm run cli -- <command> [options]`: operator commands on the same services and
// database as the running app.
async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    console.error(
      `usage: npm run cli -- <command>\n${commands.map((c) => `  ${c.usage}`).join('\n')}`,
    );
    return 2;
  }
  try {
    if (!command.needsDatabase) return await command.run(args);
    const env = parseEnvironment(process.env);
    const database = await openDatabase({
      url: env.DATABASE_URL,
      ownerUrl: env.DATABASE_OWNER_URL,
    });
    const context = await NestFactory.createApplicationContext(
      CliModule.register(new AppConfig(env, database.url)),
      { logger: ['error', 'warn'] },
    );
    try {
      return await command.run(args, context);
    } finally {
      await context.close();
      await database.stop();
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\nusage: npm run cli -- ${command.usage}`);
      return 2;
    }
    if (error instanceof DomainError) {
      console.error(error.detail);
      return 1;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
