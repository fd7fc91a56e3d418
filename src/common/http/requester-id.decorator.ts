import { createParamDecorator, ExecutionContext } from '@nestjs/common';

// The id of the authenticated caller, for rooms below auth/ (the audit trail limits exports
// per caller) that must not know how authentication works: auth/'s guard sets request.user.
export const RequesterId = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string =>
    context.switchToHttp().getRequest<{ user?: { id: string } }>().user!.id,
);
