import { parseArgs } from 'node:util';
import { OPERATOR_ACTOR } from '../../auth/actor.js';
import { TokensService } from '../../auth/tokens.service.js';
import { UsersService } from '../../auth/users.service.js';
import { CliCommand, UsageError } from '../command.js';

export const tokenCreateCommand: CliCommand = {
  name: 'token:create',
  usage: 'token:create --user <id|email> [--label <label>]',
  needsDatabase: true,
  async run(args, context) {
    const { values } = parseArgs({
      args,
      options: { user: { type: 'string' }, label: { type: 'string' } },
    });
    if (!values.user) throw new UsageError('missing --user');
    const user = await context!.get(UsersService).findByIdOrEmail(values.user);
    if (!user) {
      console.error(`no user ${values.user}`);
      return 1;
    }
    const token = await context!.get(TokensService).issue(OPERATOR_ACTOR, user.id, values.label);
    console.log(`token ${token.id} for ${user.email}`);
    console.log(`token (shown once): ${token.token}`);
    return 0;
  },
};
