import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { AUDIT_EVENT_TYPES, type AuditEventType } from '../audit-event.js';
import { IsTimestamp } from '../../common/validation/timestamps.js';

export const DEFAULT_AUDIT_PAGE = 50;
export const MAX_AUDIT_PAGE = 200;
export const EXPORT_FORMATS = ['ndjson', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value;
const lower = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.toLowerCase() : value;

// The filters shared by the audit log, its export and their OpenAPI description.
// `from` is inclusive and `to` exclusive, both on the event's `at`.
export class AuditFilterQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @Transform(lower)
  @IsUUID()
  claimId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @Transform(lower)
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ enum: AUDIT_EVENT_TYPES })
  @IsOptional()
  @IsIn(AUDIT_EVENT_TYPES)
  type?: AuditEventType;

  @ApiPropertyOptional({ format: 'date-time', description: 'events at or after (inclusive)' })
  @IsOptional()
  @IsTimestamp()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'events before (exclusive)' })
  @IsOptional()
  @IsTimestamp()
  to?: string;
}

export class AuditPageQuery extends AuditFilterQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_AUDIT_PAGE, default: DEFAULT_AUDIT_PAGE })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(MAX_AUDIT_PAGE)
  limit: number = DEFAULT_AUDIT_PAGE;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'is not a cursor this list gave out' })
  cursor?: string;
}

export class AuditExportQuery extends AuditFilterQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'ndjson' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat = 'ndjson';
}
