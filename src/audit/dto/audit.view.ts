import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_EVENT_TYPES } from '../audit-event.js';

// OpenAPI descriptions of the audit read side; the data itself is the plain AuditEvent.
export class AuditActorView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
}

export class AuditEventView {
  @ApiProperty({ example: '42', description: 'global sequence number (decimal string)' })
  seq!: string;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) claimId!: string | null;
  @ApiProperty({ enum: AUDIT_EVENT_TYPES }) type!: string;
  @ApiProperty({ type: AuditActorView }) actor!: AuditActorView;
  @ApiProperty({ example: '2026-03-01T09:30:00.000Z' }) at!: string;
  @ApiProperty({ nullable: true, type: String }) fromStatus!: string | null;
  @ApiProperty({ nullable: true, type: String }) toStatus!: string | null;
  @ApiProperty({ nullable: true, type: String }) rationale!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty({ example: '0'.repeat(64) }) prevHash!: string;
  @ApiProperty() hash!: string;
}

export class AuditPageView {
  @ApiProperty({ type: [AuditEventView] }) items!: AuditEventView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ChainHeadView {
  @ApiProperty({ example: 'system', description: 'claim id, or "system"' }) chain!: string;
  @ApiProperty({ example: '42' }) seq!: string;
  @ApiProperty({ description: 'hash of the chain’s last event' }) head!: string;
}

export class AuditDigestView {
  @ApiProperty({ example: '2026-03-01T09:30:00.000Z' }) asOf!: string;
  @ApiProperty({ example: '42', description: 'highest seq in the snapshot' }) seq!: string;
  @ApiProperty({ type: [ChainHeadView] }) chains!: ChainHeadView[];
  @ApiProperty({ description: 'SHA-256 Merkle root over the heads (hex)' }) root!: string;
  @ApiPropertyOptional({ description: 'Ed25519 signature (base64) of the canonical digest' })
  signature?: string;
}
