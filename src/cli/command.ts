import type { INestApplicationContext } from '@nestjs/common';

export interface CliCommand {
  name: string;
  usage: string;
  // Commands that work on files alone (audit:verify) skip the database entirely.
  needsDatabase: boolean;
  run(args: string[], context?: INestApplicationContext): Promise<number>;
}

export class UsageError extends Error {}
