import { Injectable } from '@nestjs/common';
import { OPERATOR_ACTOR } from '../../auth/actor.js';
import { FirstAdminSignIn } from '../../auth/first-admin-sign-in.js';
import { InvitationsService } from './invitations.service.js';

// At first start, the first admin gets an invitation like anyone else's: opening it lets
// them register a passkey and sign in, without pasting the token into the desk.
@Injectable()
export class FirstAdminInvitationService extends FirstAdminSignIn {
  constructor(private readonly invitations: InvitationsService) {
    super();
  }

  async linkFor(userId: string): Promise<string> {
    return (await this.invitations.issue(OPERATOR_ACTOR, userId)).url;
  }
}
