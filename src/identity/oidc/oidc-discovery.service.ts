import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import * as oidc from 'openid-client';
import { AppConfig, type OidcSettings } from '../../config/app-config.js';
import { OidcRefusal } from './oidc-refusal.js';

// Seconds each request to the provider (discovery, token, user info) may take.
const PROVIDER_TIMEOUT_SECONDS = 10;

// The provider's metadata (endpoints, keys' location), discovered once from OIDC_ISSUER's
// /.well-known/openid-configuration and kept for the life of the process. A failed
// discovery is not kept: the service starts and serves everything else, the sign-in page
// says the provider cannot be reached, and the next sign-in tries again.
@Injectable()
export class OidcDiscoveryService implements OnApplicationBootstrap {
  private readonly logger = new Logger(OidcDiscoveryService.name);
  private discovered?: Promise<oidc.Configuration>;

  constructor(private readonly config: AppConfig) {}

  get settings(): OidcSettings | undefined {
    return this.config.oidc;
  }

  // Discovers in the background at start, so a wrong issuer shows in the log at once and
  // the first person to sign in does not wait for it.
  onApplicationBootstrap(): void {
    if (this.settings) this.configuration().catch(() => undefined);
  }

  configuration(): Promise<oidc.Configuration> {
    const settings = this.settings;
    if (!settings) return Promise.reject(new OidcRefusal('not-configured'));
    this.discovered ??= this.discover(settings).catch((error: unknown) => {
      this.discovered = undefined;
      this.logger.warn(
        `OpenID Connect discovery at ${settings.issuer} failed: ${(error as Error).message}`,
      );
      throw new OidcRefusal('unavailable', {}, { cause: error });
    });
    return this.discovered;
  }

  private discover(settings: OidcSettings): Promise<oidc.Configuration> {
    const issuer = new URL(settings.issuer);
    return oidc.discovery(
      issuer,
      settings.clientId,
      undefined,
      // client_secret_basic is the default of OpenID Connect's client registration, and
      // Google, Microsoft Entra and Okta all accept it.
      oidc.ClientSecretBasic(settings.clientSecret),
      {
        timeout: PROVIDER_TIMEOUT_SECONDS,
        // The environment accepts an http issuer only on a loopback address.
        execute: issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
      },
    );
  }
}
