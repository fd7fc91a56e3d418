import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CLAIM_STATUSES, STANCES } from '../../domain/claim-status.js';
import type { ClaimStatus, Stance } from '../../domain/claim-status.js';
import { PRIORITIES, type Priority } from '../../domain/priorities.js';

export class SpanView {
  @ApiProperty() start!: number;
  @ApiProperty() end!: number;
}

// A source as attached to a claim: the source and the stance it takes on the claim.
export class ClaimSourceView {
  @ApiProperty() id!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) url!: string | null;
  @ApiProperty({ nullable: true, type: String }) publisher!: string | null;
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty({ enum: STANCES }) stance!: Stance;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty() attachedBy!: string;
  @ApiProperty() attachedAt!: string;
}

export class ClaimSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ nullable: true, type: String }) claimant!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the claimant entity linked' })
  claimantId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2022-03-02' })
  claimedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) articleId!: string | null;
  @ApiProperty({ nullable: true, type: SpanView }) span!: SpanView | null;
  @ApiProperty({ nullable: true, type: String }) appearanceUrl!: string | null;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ enum: PRIORITIES }) priority!: Priority;
  @ApiProperty({ enum: CLAIM_STATUSES }) status!: ClaimStatus;
  @ApiProperty({ nullable: true, type: String }) rationale!: string | null;
  @ApiProperty() submittedBy!: string;
  @ApiProperty({ nullable: true, type: String }) assigneeId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'when the desk wants it done' })
  dueAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'the claim this one was merged into (status `merged`)',
  })
  mergedInto!: string | null;
  @ApiProperty({ example: 'uk', description: 'BCP 47, canonical form' }) language!: string;
  @ApiProperty({ nullable: true, type: String }) decidedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt!: string | null;
  @ApiProperty({ description: 'starts at 1, +1 on every change; the ETag' }) version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class ClaimView extends ClaimSummaryView {
  @ApiProperty({ type: [ClaimSourceView] }) sources!: ClaimSourceView[];
  @ApiPropertyOptional({ description: 'set when rebuilt with ?asOf=' }) asOf?: string;
}

export class ClaimPageView {
  @ApiProperty({ type: [ClaimSummaryView] }) items!: ClaimSummaryView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
