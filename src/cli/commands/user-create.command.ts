import { parseArgs } from 'node:util';
import { OPERATOR_ACTOR } from '../../auth/actor.js';
import { ROLES, Role } from '../../auth/role.js';
import { UsersService } from '../../auth/users.service.js';
import { CliCommand, UsageError } from '../command.js';

export const userCreateCommand: CliCommand = {
  name: 'user:create',
  usage: 'user:create --name <name> --email <email> --role <role> [--role <role> …]',
  needsDatabase: true,
  async run(args, context) {
    const { values } = parseArgs({
      args,
      options: {
        name: { type: 'string' },
        email: { type: 'string' },
        role: { type: 'string', multiple: true },
      },
    });
    const roles = values.role ?? [];
    if (!values.name || !values.email || roles.length === 0)
      throw new UsageError('missing options');
    const unknown = roles.filter((role) => !ROLES.includes(role as Role));
    if (unknown.length) throw new UsageError(`unknown role ${unknown.join(', ')}`);
    const created = await context!.get(UsersService).create(OPERATOR_ACTOR, {
      name: values.name,
      email: values.email,
      roles: roles as Role[],
    });
    console.log(`user ${created.user.id} (${created.user.email}) roles ${roles.join(', ')}`);
    console.log(`token (shown once): ${created.token}`);
    return 0;
  },
};
