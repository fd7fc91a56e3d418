import { ApiProperty } from '@nestjs/swagger';
import { CLAIM_STATUSES } from '../../domain/claim-status.js';
import type { ClaimStatus } from '../../domain/claim-status.js';
import { ClaimView } from './claim.view.js';
import { ClaimantSuggestionView } from './claimant-suggestion.view.js';

export class PossibleDuplicateView {
  @ApiProperty() id!: string;
  @ApiProperty({ minimum: 0.5, maximum: 1, example: 0.82, description: 'pg_trgm similarity' })
  similarity!: number;
  @ApiProperty({ enum: CLAIM_STATUSES }) status!: ClaimStatus;
}

// The 201 of POST /claims: the new claim, and what the desk should look at before working it.
export class SubmittedClaimView extends ClaimView {
  @ApiProperty({
    type: [PossibleDuplicateView],
    description:
      'existing claims with similar text (similarity ≥ 0.5), most similar first, at most 5; ' +
      'merged and withdrawn claims left out. Advice only: the claim is submitted either way.',
  })
  possibleDuplicates!: PossibleDuplicateView[];
  @ApiProperty({
    type: [ClaimantSuggestionView],
    description: 'claimants whose name or alias matches the free-text claimant, best first',
  })
  claimantSuggestions!: ClaimantSuggestionView[];
}
