import { createPrivateKey } from 'node:crypto';
import { plainToInstance, Transform } from 'class-transformer';
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

  // Connections of the audit exports' own pool, and so exports running at once per process:
  // a long or stalled export never takes a connection from the requests beside it.
  @Transform(toInt)
  @Min(1)
  @Max(50)
  @IsInt()
  EXPORT_POOL_SIZE = 2;

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
    'DATABASE_OWNER_URL',
    'REQUIRE_DATABASE_URL',
    'BOOTSTRAP_ADMIN_TOKEN',
    'AUDIT_SIGNING_KEY',
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
  if (parsed.AUDIT_SIGNING_KEY)
    parsed.AUDIT_SIGNING_KEY = parsed.AUDIT_SIGNING_KEY.replace(/\\n/g, '\n');
  return parsed;
}
