import { Controller, Header, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { actorOf } from '../../auth/actor.js';
import { CurrentUser, Roles } from '../../auth/decorators.js';
import type { AuthUser } from '../../auth/role.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { ParseIdPipe } from '../../common/validation/parse-id.pipe.js';
import { InvitationView } from './dto/invitation.view.js';
import { InvitationsService } from './invitations.service.js';

@ApiTags('sign-in')
@ApiBearerAuth()
@Controller()
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('users/:id/invitations')
  @Roles('admin')
  @Header('cache-control', 'no-store')
  @ApiCreatedResponse({ type: InvitationView })
  @ApiProblems(403, 404, 409)
  issue(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<InvitationView> {
    return this.invitations.issue(actorOf(user), id);
  }
}
