import type { CliCommand } from '../command.js';
import { auditVerifyCommand } from './audit-verify.command.js';
import { seedDemoCommand } from './seed-demo.command.js';
import { tokenCreateCommand } from './token-create.command.js';
import { tokenRevokeCommand } from './token-revoke.command.js';
import { userCreateCommand } from './user-create.command.js';

export const commands: CliCommand[] = [
  userCreateCommand,
  tokenCreateCommand,
  tokenRevokeCommand,
  auditVerifyCommand,
  seedDemoCommand,
];
