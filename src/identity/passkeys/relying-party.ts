import type { AppConfig } from '../../config/app-config.js';

// The service as a WebAuthn relying party: its id is PUBLIC_BASE_URL's host name, and
// browsers must report PUBLIC_BASE_URL's origin. Passkeys registered under one host name
// do not work under another, so PUBLIC_BASE_URL must be the address people use.
export const relyingPartyOf = (config: AppConfig) => {
  const url = new URL(config.publicBaseUrl);
  return { id: url.hostname, origin: url.origin, name: config.newsroomName };
};
