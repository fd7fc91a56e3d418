import { ApiProperty } from '@nestjs/swagger';
import { PUBLICATION_STATUSES, type PublicationStatus } from '../../domain/publication.js';
import type { ClaimReview } from '../claim-review.js';
import type { PublicationDraft, PublicationSnapshot } from '../publication-snapshot.js';

export class PublicationVersionView {
  @ApiProperty() number!: number;
  @ApiProperty({ enum: ['publication', 'correction'] }) kind!: 'publication' | 'correction';
  @ApiProperty() publishedAt!: string;
  @ApiProperty() publishedBy!: string;
  @ApiProperty({ nullable: true, type: String }) correction!: string | null;
  @ApiProperty({ type: Object }) snapshot!: PublicationSnapshot;
  @ApiProperty({ type: Object, description: 'the ClaimReview exactly as published' })
  claimReview!: ClaimReview;
}

export class RetractionView {
  @ApiProperty() at!: string;
  @ApiProperty() reason!: string;
}

export class PublicationView {
  @ApiProperty({ enum: PUBLICATION_STATUSES }) status!: PublicationStatus;
  @ApiProperty() slug!: string;
  @ApiProperty({ description: 'the public page' }) url!: string;
  @ApiProperty({ type: Object }) draft!: PublicationDraft;
  @ApiProperty({ type: [PublicationVersionView], description: 'oldest first' })
  versions!: PublicationVersionView[];
  @ApiProperty({ type: RetractionView, nullable: true }) retraction!: RetractionView | null;
  @ApiProperty({ description: 'the ETag' }) version!: number;
}
