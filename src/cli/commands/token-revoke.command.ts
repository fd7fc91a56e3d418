import { isUUID } from 'class-validator';
import { OPERATOR_ACTOR } from '../../auth/actor.js';
import { TokensService } from '../../auth/tokens.service.js';
import { CliCommand, UsageError } from '../command.js';

export const tokenRevokeCommand: CliCommand = {
  name: 'token:revoke',
  usage: 'token:revoke <tokenId>',
  needsDatabase: true,
  async run(args, context) {
    const [tokenId] = args;
    if (!tokenId || !isUUID(tokenId)) throw new UsageError('give the token id (a uuid)');
    await context!.get(TokensService).revoke(OPERATOR_ACTOR, tokenId);
    console.log(`token ${tokenId} revoked`);
    return 0;
  },
};
