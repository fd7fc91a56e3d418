import { createPrivateKey } from 'node:crypto';
import { isIP } from 'node:net';
import { plainToInstance, Transform } from 'class-transformer';
import { parseDurationList } from './durations.js';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  validateSync,
} from 'class-validator';

import { TOKEN_SHAPE } from './token-format.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;

// The process environment as the service accepts it (SPEC §1). Every variable is a string
// when it arrives; numbers are converted only when they are plain digits, so "3000abc"
// fails instead of becoming 3000.
export class EnvironmentVariables {
  @Transform(toInt)
  @Min(0)
  @Max(65535)
  @IsInt()
  PORT = 3000;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_READ_URL?: string;

  // The owner, for migrations and grants, when DATABASE_URL already names the restricted
  // role to serve as.
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_OWNER_URL?: string;

  // Set in the Docker image: embedded PostgreSQL is for trying claimdesk out, so a
  // container without DATABASE_URL stops at once instead of keeping data inside itself.
  @IsOptional()
  @IsIn(['0', '1', 'true', 'false'])
  REQUIRE_DATABASE_URL?: string;

  @Transform(toInt)
  @Min(1)
  @Max(200)
  @IsInt()
  DATABASE_POOL_SIZE = 10;

  // Checked like any bearer token: a value the service would never accept as a token
  // must stop the start, not lock the first admin out.
  @IsOptional()
  @Matches(TOKEN_SHAPE, {
    message: 'must look like a claimdesk token: cd_ followed by 32–197 of A–Z a–z 0–9 _ -',
  })
  BOOTSTRAP_ADMIN_TOKEN?: string;

  @Transform(toInt)
  @Min(0)
  @Max(100)
  @IsInt()
  VERIFY_MIN_SUPPORTING_SOURCES = 1;

  @IsOptional()
  @ValidateBy({
    name: 'isEd25519PrivateKey',
    validator: {
      validate: isEd25519PrivateKey,
      defaultMessage: () => 'must be an Ed25519 private key in PEM form',
    },
  })
  AUDIT_SIGNING_KEY?: string;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  @Transform(({ value }: { value: unknown }) => parseByteSize(value))
  @Min(1024)
  @Max(50 * 1024 * 1024)
  @IsInt({ message: 'must be a size such as 65536, 64kb or 1mb' })
  BODY_LIMIT = 64 * 1024;

  // Article ingest only: an article's text may be up to 200,000 characters (SPEC §3).
  @Transform(({ value }: { value: unknown }) => parseByteSize(value))
  @Min(1024)
  @Max(50 * 1024 * 1024)
  @IsInt({ message: 'must be a size such as 1048576, 512kb or 1mb' })
  ARTICLE_BODY_LIMIT = 1024 * 1024;

  // Failed authentications (no, unknown, revoked or expired token) per client address per
  // minute before that address gets 429s; 0 turns the limit off.
  @Transform(toInt)
  @Min(0)
  @IsInt()
  AUTH_FAILURES_PER_MINUTE = 30;

  // Sign-in attempts (passkey or identity provider) per minute from one client address; a
  // newsroom behind one NAT signs many people in from one address. 0 turns it off.
  @Transform(toInt)
  @Min(0)
  @IsInt()
  SIGN_IN_ATTEMPTS_PER_ADDRESS = 60;

  // Sign-in attempts per minute for one person, from anywhere. 0 turns it off.
  @Transform(toInt)
  @Min(0)
  @IsInt()
  SIGN_IN_ATTEMPTS_PER_USER = 10;

  // Which X-Forwarded-For entries to believe: unset or false (the socket's address), a hop
  // count, or a comma-separated list of proxy addresses / CIDR ranges.
  @Transform(({ value }: { value: unknown }) => parseTrustProxy(value))
  @ValidateBy({
    name: 'isTrustProxy',
    validator: {
      validate: (value: unknown) =>
        value === false || (typeof value === 'number' && value >= 1) || Array.isArray(value),
      defaultMessage: () =>
        'must be false, a hop count (1, 2, …) or a comma-separated list of IP addresses or CIDR ranges',
    },
  })
  TRUST_PROXY: TrustProxy = false;

  // Request, headers and keep-alive timeouts: a client that takes longer to send its
  // request is answered 408 and disconnected.
  @Transform(toInt)
  @Min(1000)
  @Max(10 * 60 * 1000)
  @IsInt()
  REQUEST_TIMEOUT_MS = 30_000;

  // How long claim extraction may run for one article before the ingest is refused (503).
  @Transform(toInt)
  @Min(100)
  @Max(10 * 60 * 1000)
  @IsInt()
  EXTRACTION_TIMEOUT_MS = 10_000;

  // The site's public origin; every URL the service emits is built from it (SPEC §12),
  // never from Host or X-Forwarded-* headers. Defaults to http://localhost:PORT.
  @IsOptional()
  @ValidateBy({
    name: 'isHttpOrigin',
    validator: {
      validate: isHttpOrigin,
      defaultMessage: () => 'must be an http(s) origin such as https://factcheck.example.org',
    },
  })
  PUBLIC_BASE_URL?: string;

  // Requests per minute per token; 0 turns the limit off (e.g. for the benchmark).
  @Transform(toInt)
  @Min(0)
  @IsInt()
  RATE_LIMIT_PER_MINUTE = 6000;

  // MB per second an audit export may stream while other requests are being served;
  // alone it runs at full speed. 0 never slows an export.
  @Transform(toInt)
  @Min(0)
  @Max(10_000)
  @IsInt()
  EXPORT_BUSY_RATE_MB = 8;

  // Connections of the audit exports' own pool, and so exports running at once per process:
  // a long or stalled export never takes a connection from the requests beside it.
  @Transform(toInt)
  @Min(1)
  @Max(50)
  @IsInt()
  EXPORT_POOL_SIZE = 2;

  // Connections of the duplicate lookup's own pool, and so lookups running at once per
  // process: submissions beyond that wait for one (at most DUPLICATE_LOOKUP_TIMEOUT_MS).
  @Transform(toInt)
  @Min(1)
  @Max(50)
  @IsInt()
  DUPLICATE_LOOKUP_POOL_SIZE = 4;

  // How long a submission waits for its duplicate lookup (for a connection, then for the
  // statement) before it is answered without possible duplicates.
  @Transform(toInt)
  @Min(1)
  @Max(10_000)
  @IsInt()
  DUPLICATE_LOOKUP_TIMEOUT_MS = 300;

  // How often the service checks whether enough claims have come in since the duplicate
  // lookup's word statistics were last refreshed (docs/duplicates.md).
  @Transform(toInt)
  @Min(100)
  @Max(24 * 60 * 60 * 1000)
  @IsInt()
  DUPLICATE_STATISTICS_INTERVAL_MS = 10_000;

  // An export whose reader has not taken a byte for this long is dropped and its
  // connection released.
  @Transform(toInt)
  @Min(100)
  @Max(24 * 60 * 60 * 1000)
  @IsInt()
  EXPORT_STALL_TIMEOUT_MS = 60_000;

  @IsOptional()
  @IsString()
  NEWSROOM_NAME = 'claimdesk';

  // Lets webhooks target http:// and private or loopback addresses (tests, intranets).
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  WEBHOOK_ALLOW_PRIVATE = 'false';

  @ValidateBy({
    name: 'isDurationList',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && !!parseDurationList(value),
      defaultMessage: () => 'must be comma-separated durations such as 10s,1m,5m (ms, s, m, h)',
    },
  })
  WEBHOOK_RETRY_SCHEDULE = '10s,1m,5m,30m,2h,6h,12h';

  // Encrypts webhook signing secrets at rest; without it a key file is made under .claimdesk/.
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  WEBHOOK_SECRET_KEY?: string;

  // The newsroom's own site, named as the fact-check's author; defaults to PUBLIC_BASE_URL.
  @IsOptional()
  @ValidateBy({
    name: 'isHttpUrl',
    validator: { validate: isHttpUrl, defaultMessage: () => 'must be an http(s) URL' },
  })
  NEWSROOM_URL?: string;

  @IsOptional()
  @ValidateBy({
    name: 'isHttpUrl',
    validator: { validate: isHttpUrl, defaultMessage: () => 'must be an http(s) URL' },
  })
  NEWSROOM_LOGO_URL?: string;

  // The newsroom's OpenID Connect provider (SPEC §16): all three or none. An http issuer
  // only on a loopback address, for development and tests.
  @IsOptional()
  @ValidateBy({
    name: 'isOidcIssuer',
    validator: {
      validate: isOidcIssuer,
      defaultMessage: () =>
        'must be an https URL such as https://accounts.google.com (http only on a loopback address)',
    },
  })
  OIDC_ISSUER?: string;

  @IsOptional()
  @IsString()
  OIDC_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  OIDC_CLIENT_SECRET?: string;

  // BCP 47 tag of the public pages unless a draft names another, e.g. en, de, pt-BR; also
  // the language of claims and articles submitted without one. Checked by the runtime's
  // Unicode locale data (Intl) as well, which knows which subtags may follow which.
  @IsOptional()
  @Matches(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, { message: 'must be a BCP 47 tag such as en' })
  @ValidateBy({
    name: 'isLanguageTag',
    validator: { validate: isLanguageTag, defaultMessage: () => 'must be a BCP 47 tag such as en' },
  })
  NEWSROOM_LANGUAGE = 'en';
}

function isLanguageTag(value: unknown): boolean {
  try {
    return typeof value === 'string' && Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username;
  } catch {
    return false;
  }
}

// An issuer identifier is an https URL without query or fragment (OpenID Connect
// Discovery §2); http is accepted only when the host is this machine.
function isOidcIssuer(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    if (url.username || url.password || url.search || url.hash) return false;
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && isLoopbackHost(url.hostname);
  } catch {
    return false;
  }
}

function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  return isIP(hostname) === 4 && hostname.startsWith('127.');
}

function isEd25519PrivateKey(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return createPrivateKey(value.replace(/\\n/g, '\n')).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

export type TrustProxy = false | number | string[];

// `false`/`0`/unset → false; digits → hop count; otherwise a list of addresses or CIDRs
// (each checked here; anything else stays a string and fails validation).
function parseTrustProxy(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (/^(false|0)$/i.test(text)) return false;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text.split(',').map((entry) => entry.trim());
  return entries.every(isAddressOrCidr) ? entries : value;
}

function isAddressOrCidr(entry: string): boolean {
  const [address, bits, ...rest] = entry.split('/');
  const version = isIP(address ?? '');
  if (!version || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

function isHttpOrigin(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.origin === value.replace(/\/$/, '') &&
      !url.username &&
      !url.password
    );
  } catch {
    return false;
  }
}

function parseByteSize(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const match = /^(\d+)\s*(b|kb|mb)?$/i.exec(value.trim());
  if (!match) return value;
  const unit = (match[2] ?? 'b').toLowerCase();
  return Number(match[1]) * (unit === 'mb' ? 1024 * 1024 : unit === 'kb' ? 1024 : 1);
}

export class InvalidEnvironmentError extends Error {}

// Returns the validated environment, or throws with one line naming the first bad variable.
export function parseEnvironment(env: NodeJS.ProcessEnv): EnvironmentVariables {
  const known = Object.keys(new EnvironmentVariables()).concat([
    'DATABASE_URL',
    'DATABASE_READ_URL',
    'DATABASE_OWNER_URL',
    'REQUIRE_DATABASE_URL',
    'BOOTSTRAP_ADMIN_TOKEN',
    'AUDIT_SIGNING_KEY',
    'PUBLIC_BASE_URL',
    'WEBHOOK_SECRET_KEY',
    'NEWSROOM_URL',
    'NEWSROOM_LOGO_URL',
    'OIDC_ISSUER',
    'OIDC_CLIENT_ID',
    'OIDC_CLIENT_SECRET',
  ]);
  // Empty strings count as unset, as in most shells' `VAR= npm start`.
  const present = Object.fromEntries(
    known.filter((key) => env[key] !== undefined && env[key] !== '').map((key) => [key, env[key]]),
  );
  const parsed = plainToInstance(EnvironmentVariables, present);
  const [first] = validateSync(parsed, { stopAtFirstError: true });
  if (first) {
    const reason = Object.values(first.constraints ?? {})[0] ?? `${first.property} is invalid`;
    const named = reason.startsWith(first.property) ? reason : `${first.property} ${reason}`;
    throw new InvalidEnvironmentError(`Invalid environment: ${named}`);
  }
  if (['1', 'true'].includes(parsed.REQUIRE_DATABASE_URL ?? '') && !parsed.DATABASE_URL) {
    throw new InvalidEnvironmentError(
      'Invalid environment: DATABASE_URL is required (REQUIRE_DATABASE_URL is set; this ' +
        'image has no embedded PostgreSQL)',
    );
  }
  if (parsed.DATABASE_OWNER_URL && !parsed.DATABASE_URL) {
    throw new InvalidEnvironmentError(
      'Invalid environment: DATABASE_OWNER_URL needs DATABASE_URL (the role to serve as)',
    );
  }
  const oidc = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
  const missing = oidc.filter((key) => !parsed[key]);
  if (missing.length > 0 && missing.length < oidc.length) {
    throw new InvalidEnvironmentError(
      `Invalid environment: ${missing.join(' and ')} must be set too (OIDC_ISSUER, ` +
        'OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together)',
    );
  }
  if (parsed.AUDIT_SIGNING_KEY)
    parsed.AUDIT_SIGNING_KEY = parsed.AUDIT_SIGNING_KEY.replace(/\\n/g, '\n');
  return parsed;
}
