import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ClaimSummaryView } from '../../claims/dto/claim.view.js';
import { CLAIMANT_TYPES, type ClaimantType } from '../../domain/publication.js';

export class ClaimantView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CLAIMANT_TYPES }) type!: ClaimantType;
  @ApiProperty({ type: [String] }) aliases!: string[];
  @ApiProperty({ type: [String] }) sameAs!: string[];
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ description: 'starts at 1, +1 on every change; the ETag' }) version!: number;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class ClaimantListItemView extends ClaimantView {
  @ApiPropertyOptional({ description: 'with `q`: how well the best name or alias matched, 0–1' })
  similarity?: number;
}

export class ClaimantPageView {
  @ApiProperty({ type: [ClaimantListItemView] }) items!: ClaimantListItemView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class VerdictCountsView {
  @ApiProperty() verified!: number;
  @ApiProperty() disputed!: number;
  @ApiProperty() refuted!: number;
  @ApiProperty() unverifiable!: number;
}

export class TrackRecordView {
  @ApiProperty({ description: 'linked claims decided with a verdict' }) decided!: number;
  @ApiProperty({ type: VerdictCountsView }) verdicts!: VerdictCountsView;
}

export class ClaimantDetailView extends ClaimantView {
  @ApiProperty({ type: TrackRecordView }) trackRecord!: TrackRecordView;
  @ApiProperty({
    type: [ClaimSummaryView],
    description: 'the latest claims linked to it, newest first, whatever their status',
  })
  latestClaims!: ClaimSummaryView[];
}
