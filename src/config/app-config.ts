import { parseDurationList } from './durations.js';
import { EnvironmentVariables, LogLevel, TrustProxy } from './environment.js';

// The newsroom's OpenID Connect provider and this service's registration with it.
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  // Always PUBLIC_BASE_URL/auth/oidc/callback: the address registered at the provider.
  redirectUri: string;
}

// The typed configuration the rest of the service reads. It is a class so that it can be
// injected by type; one instance is built at boot from the validated environment.
export class AppConfig {
  readonly port: number;
  readonly databaseUrl: string;
  readonly databaseReadUrl?: string;
  readonly duplicateLookupPoolSize: number;
  readonly duplicateLookupTimeoutMs: number;
  readonly duplicateStatisticsIntervalMs: number;
  readonly databasePoolSize: number;
  readonly bootstrapAdminToken?: string;
  readonly verifyMinSupportingSources: number;
  readonly auditSigningKey?: string;
  readonly logLevel: LogLevel;
  readonly bodyLimit: number;
  readonly newsroomName: string;
  readonly newsroomUrl: string;
  readonly newsroomLogoUrl?: string;
  readonly newsroomLanguage: string;
  readonly rateLimitPerMinute: number;
  readonly exportBusyBytesPerSecond: number;
  readonly articleBodyLimit: number;
  readonly authFailuresPerMinute: number;
  readonly signInAttemptsPerAddress: number;
  readonly signInAttemptsPerUser: number;
  readonly trustProxy: TrustProxy;
  readonly requestTimeoutMs: number;
  readonly extractionTimeoutMs: number;
  // The public origin without a trailing slash, e.g. https://factcheck.example.org.
  readonly publicBaseUrl: string;
  readonly exportPoolSize: number;
  readonly exportStallTimeoutMs: number;
  readonly webhookAllowPrivate: boolean;
  readonly webhookRetryScheduleMs: number[];
  readonly webhookSecretKey?: string;
  // Set only when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET all are.
  readonly oidc?: OidcSettings;

  constructor(env: EnvironmentVariables, databaseUrl: string) {
    this.port = env.PORT;
    this.databaseUrl = databaseUrl;
    this.databaseReadUrl = env.DATABASE_READ_URL;
    this.duplicateLookupPoolSize = env.DUPLICATE_LOOKUP_POOL_SIZE;
    this.duplicateLookupTimeoutMs = env.DUPLICATE_LOOKUP_TIMEOUT_MS;
    this.duplicateStatisticsIntervalMs = env.DUPLICATE_STATISTICS_INTERVAL_MS;
    this.databasePoolSize = env.DATABASE_POOL_SIZE;
    this.bootstrapAdminToken = env.BOOTSTRAP_ADMIN_TOKEN;
    this.verifyMinSupportingSources = env.VERIFY_MIN_SUPPORTING_SOURCES;
    this.auditSigningKey = env.AUDIT_SIGNING_KEY;
    this.logLevel = env.LOG_LEVEL;
    this.bodyLimit = env.BODY_LIMIT;
    this.newsroomName = env.NEWSROOM_NAME;
    this.rateLimitPerMinute = env.RATE_LIMIT_PER_MINUTE;
    this.exportBusyBytesPerSecond = env.EXPORT_BUSY_RATE_MB * 1024 * 1024;
    this.articleBodyLimit = env.ARTICLE_BODY_LIMIT;
    this.authFailuresPerMinute = env.AUTH_FAILURES_PER_MINUTE;
    this.signInAttemptsPerAddress = env.SIGN_IN_ATTEMPTS_PER_ADDRESS;
    this.signInAttemptsPerUser = env.SIGN_IN_ATTEMPTS_PER_USER;
    this.trustProxy = env.TRUST_PROXY;
    this.requestTimeoutMs = env.REQUEST_TIMEOUT_MS;
    this.extractionTimeoutMs = env.EXTRACTION_TIMEOUT_MS;
    this.publicBaseUrl = (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
    this.exportPoolSize = env.EXPORT_POOL_SIZE;
    this.exportStallTimeoutMs = env.EXPORT_STALL_TIMEOUT_MS;
    this.webhookAllowPrivate = env.WEBHOOK_ALLOW_PRIVATE === 'true';
    this.webhookRetryScheduleMs = parseDurationList(env.WEBHOOK_RETRY_SCHEDULE)!;
    this.webhookSecretKey = env.WEBHOOK_SECRET_KEY;
    this.newsroomUrl = env.NEWSROOM_URL ?? this.publicBaseUrl;
    this.newsroomLogoUrl = env.NEWSROOM_LOGO_URL;
    // Canonical ("EN-us" → "en-US"), as claims and articles store their languages.
    this.newsroomLanguage = Intl.getCanonicalLocales(env.NEWSROOM_LANGUAGE)[0]!;
    if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) {
      this.oidc = {
        issuer: env.OIDC_ISSUER,
        clientId: env.OIDC_CLIENT_ID,
        clientSecret: env.OIDC_CLIENT_SECRET,
        redirectUri: `${this.publicBaseUrl}/auth/oidc/callback`,
      };
    }
  }
}
