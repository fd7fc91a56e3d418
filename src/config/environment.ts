import { createPrivateKey } from 'node:crypto';
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

  @Transform(toInt)
  @Min(1)
  @Max(200)
  @IsInt()
  DATABASE_POOL_SIZE = 10;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
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
  @IsInt({ message: 'must be a size such as 1048576, 512kb or 1mb' })
  BODY_LIMIT = 1024 * 1024;

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

  @IsOptional()
  @IsString()
  NEWSROOM_NAME = 'claimdesk';

  // The site's public origin; links in outbound messages are built from it, never from
  // request headers. Defaults to http://localhost:PORT.
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().replace(/\/+$/, '') : value,
  )
  @Matches(/^https?:\/\/[^/?#\s]+$/, {
    message: 'must be an origin such as https://desk.example.org',
  })
  PUBLIC_BASE_URL?: string;

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
}

function isEd25519PrivateKey(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return createPrivateKey(value.replace(/\\n/g, '\n')).asymmetricKeyType === 'ed25519';
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
    'BOOTSTRAP_ADMIN_TOKEN',
    'AUDIT_SIGNING_KEY',
    'PUBLIC_BASE_URL',
    'WEBHOOK_SECRET_KEY',
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
  if (parsed.AUDIT_SIGNING_KEY)
    parsed.AUDIT_SIGNING_KEY = parsed.AUDIT_SIGNING_KEY.replace(/\\n/g, '\n');
  return parsed;
}
