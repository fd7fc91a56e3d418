import { RouteConfig } from '@nestjs/platform-fastify';

// A write whose statement confirms the caller's identity itself (identityHolds()), so the
// token's recent lookup may stand in for a new one (remembered-identity.ts). The route
// config is what the authentication before the body is read looks at. The handler runs
// its write through confirmingIdentity(), which answers the request anew when the
// statement could not confirm it.
export const ConfirmsIdentityInStatement = () => RouteConfig({ identityInStatement: true });
