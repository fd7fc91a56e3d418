import { ApiProperty, OmitType } from '@nestjs/swagger';
import { SpanView } from '../../claims/dto/claim.view.js';
import { CLAIM_STATUSES, type ClaimStatus } from '../../domain/claim-status.js';
import type { FigureQualifier } from '../extraction/candidate.js';
import { EXTRACTION_FEATURES, type ExtractionFeature } from '../extraction/features.js';

const QUALIFIERS: FigureQualifier[] = [
  'more_than',
  'less_than',
  'at_least',
  'at_most',
  'approximately',
  'exactly',
  'up_to',
];

export class ArticleView {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty({ nullable: true, type: String }) url!: string | null;
  @ApiProperty({ nullable: true, type: String }) outlet!: string | null;
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty({ example: 'en', description: 'BCP 47, canonical form' }) language!: string;
  @ApiProperty({ description: 'as stored; candidate spans index into it' }) text!: string;
  @ApiProperty() submittedBy!: string;
  @ApiProperty() createdAt!: string;
}

export class FigureView {
  @ApiProperty({ example: 'more than 2,000' }) text!: string;
  @ApiProperty({ example: 2000 }) value!: number;
  @ApiProperty({ enum: QUALIFIERS, nullable: true, example: 'more_than' })
  qualifier!: FigureQualifier | null;
}

export class DuplicateView {
  @ApiProperty() claimId!: string;
  @ApiProperty({ minimum: 0.5, maximum: 1, example: 0.82, description: 'pg_trgm similarity' })
  similarity!: number;
}

export class FiledClaimView {
  @ApiProperty() claimId!: string;
  @ApiProperty({ enum: CLAIM_STATUSES }) status!: ClaimStatus;
}

export class CandidateView {
  @ApiProperty() sentence!: string;
  @ApiProperty({
    type: SpanView,
    description: 'UTF-16 offsets into article.text: text.slice(start, end) === sentence',
  })
  span!: SpanView;
  @ApiProperty({ nullable: true, type: String, example: 'Ukraine’s State Emergency Service' })
  claimant!: string | null;
  @ApiProperty({ type: [FigureView] }) figures!: FigureView[];
  @ApiProperty({ type: [String], example: ['impossible to verify'] }) hedges!: string[];
  @ApiProperty({ minimum: 0, maximum: 1 }) checkworthiness!: number;
  @ApiProperty({
    type: [DuplicateView],
    description:
      'existing claims with trigram similarity ≥ 0.5, most similar first (≤ 10); ' +
      'the claims filed from this candidate are in `filed`, not here',
  })
  duplicates!: DuplicateView[];
  @ApiProperty({
    type: [FiledClaimView],
    description: 'the claims filed from this candidate (articleId and this span), oldest first',
  })
  filed!: FiledClaimView[];
}

// An article without its candidates (GET with candidates=false): what a claim's page shows.
export class ArticleAloneView {
  @ApiProperty({ type: ArticleView }) article!: ArticleView;
  @ApiProperty({
    enum: EXTRACTION_FEATURES,
    isArray: true,
    example: ['sentences', 'figures'],
    description:
      "what extraction did for the article's language: claimants, hedges and check-worthiness are English only",
  })
  features!: ExtractionFeature[];
}

export class ArticleWithCandidatesView extends ArticleAloneView {
  @ApiProperty({ type: [CandidateView] }) candidates!: CandidateView[];
}

// An article as the list shows it: no text (an excerpt), no candidates (their count).
export class ArticleListItemView extends OmitType(ArticleView, ['text'] as const) {
  @ApiProperty({ description: 'the first 240 characters of the text', maxLength: 240 })
  excerpt!: string;
  @ApiProperty({ description: 'candidate claims extraction found' }) candidateCount!: number;
  @ApiProperty({ description: 'claims filed from the article' }) claimCount!: number;
}

export class ArticlePageView {
  @ApiProperty({ type: [ArticleListItemView] }) items!: ArticleListItemView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
