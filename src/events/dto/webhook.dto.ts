import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { MAX_TAG_LENGTH, MAX_TAGS } from '../../claims/dto/claim.dto.js';
import { PRIORITIES, type Priority } from '../../domain/priorities.js';
import { PageQuery } from '../../common/pagination/page-query.dto.js';
import {
  CodePointLength,
  NoNulCharacters,
  OptionalNotNull,
  TextField,
  trimString,
} from '../../common/validation/text.validators.js';
import { unknownEventPattern } from '../event-selection.js';
import { WEBHOOK_FORMATS, type WebhookFormat } from '../message-body.js';
import { isValidSecret } from '../webhook-secret.js';

export const MAX_EVENT_PATTERNS = 50;

const KnownEventPatterns = () =>
  ValidateBy({
    name: 'knownEventPatterns',
    validator: {
      validate: (value: unknown) =>
        Array.isArray(value) &&
        value.every((item) => typeof item === 'string' && !unknownEventPattern(item)),
      defaultMessage: () =>
        'must list audit event types (e.g. claim.transitioned), families (claim.*) or *',
    },
  });

export class WebhookFilterDto {
  @ApiPropertyOptional({ enum: PRIORITIES, isArray: true, description: 'claim priorities' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PRIORITIES.length)
  @IsIn(PRIORITIES, { each: true })
  priority?: Priority[];

  @ApiPropertyOptional({ type: [String], description: 'claims carrying any of these tags' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TAGS)
  @TextField(1, MAX_TAG_LENGTH, { each: true })
  tags?: string[];
}

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://cms.example.org/hooks/claimdesk', maxLength: 2048 })
  @Transform(trimString)
  @IsString()
  @NoNulCharacters()
  @CodePointLength(1, 2048)
  url!: string;

  @ApiProperty({ type: [String], example: ['claim.transitioned', 'publication.*'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_EVENT_PATTERNS)
  @KnownEventPatterns()
  events!: string[];

  @ApiPropertyOptional({ enum: WEBHOOK_FORMATS, default: 'standard' })
  @OptionalNotNull()
  @IsIn(WEBHOOK_FORMATS)
  format: WebhookFormat = 'standard';

  @ApiPropertyOptional({ type: WebhookFilterDto })
  @OptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => WebhookFilterDto)
  filter?: WebhookFilterDto;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @TextField(0, 500)
  description?: string;

  @ApiPropertyOptional({ description: 'whsec_ and base64 of 24–64 bytes; generated if omitted' })
  @OptionalNotNull()
  @IsString()
  @ValidateBy({
    name: 'isWebhookSecret',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isValidSecret(value),
      defaultMessage: () => 'must be whsec_ followed by base64 of 24 to 64 bytes',
    },
  })
  secret?: string;
}

// Fields left out stay as they are; none may be null but `description` (clears it).
export class UpdateWebhookDto {
  @ApiPropertyOptional({ maxLength: 2048 })
  @OptionalNotNull()
  @Transform(trimString)
  @IsString()
  @NoNulCharacters()
  @CodePointLength(1, 2048)
  url?: string;

  @ApiPropertyOptional({ type: [String] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_EVENT_PATTERNS)
  @KnownEventPatterns()
  events?: string[];

  @ApiPropertyOptional({ type: WebhookFilterDto })
  @OptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => WebhookFilterDto)
  filter?: WebhookFilterDto;

  @ApiPropertyOptional({ maxLength: 500, nullable: true, type: String })
  @IsOptional()
  @TextField(0, 500)
  description?: string | null;

  @ApiPropertyOptional({ description: 'false pauses deliveries; true resumes with new events' })
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;
}

export const DELIVERY_STATUSES = ['pending', 'delivering', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export class DeliveryPageQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;
}

export class WebhookView {
  @ApiProperty() id!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ type: [String] }) events!: string[];
  @ApiProperty({ enum: WEBHOOK_FORMATS }) format!: WebhookFormat;
  @ApiProperty({ type: WebhookFilterDto }) filter!: { priority?: string[]; tags?: string[] };
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'why deliveries stopped' })
  disabledReason!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class CreatedWebhookView extends WebhookView {
  @ApiProperty({ description: 'the signing secret; shown only in this response' })
  secret!: string;
}

export class DeliveryAttemptView {
  @ApiProperty() at!: string;
  @ApiProperty({ nullable: true, type: Number }) statusCode!: number | null;
  @ApiProperty() durationMs!: number;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the first 4 kB' })
  responseBody!: string | null;
}

export class DeliveryView {
  @ApiProperty() id!: string;
  @ApiProperty() webhookId!: string;
  @ApiProperty({ description: 'the webhook-id header: the audit event id, same on retries' })
  messageId!: string;
  @ApiProperty({ nullable: true, type: String }) eventSeq!: string | null;
  @ApiProperty() type!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: DeliveryStatus;
  @ApiProperty({ nullable: true, type: String }) nextAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: Number }) lastStatusCode!: number | null;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: [DeliveryAttemptView], description: 'newest last, at most 50' })
  attempts!: DeliveryAttemptView[];
}

export class DeliveryPageView {
  @ApiProperty({ type: [DeliveryView] }) items!: DeliveryView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
