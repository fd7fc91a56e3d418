import { ApiProperty } from '@nestjs/swagger';
import { CLAIMANT_TYPES, type ClaimantType } from '../../domain/publication.js';
import { ClaimView } from './claim.view.js';

export class ClaimantSuggestionView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CLAIMANT_TYPES }) type!: ClaimantType;
  @ApiProperty({ description: 'the name or alias that matched the free-text claimant' })
  matched!: string;
  @ApiProperty({ description: 'trigram similarity, 0–1 (1: the same name, any case)' })
  similarity!: number;
}

// The 201 of POST /claims: the claim, and what the desk may want to do about it next.
export class SubmittedClaimView extends ClaimView {
  @ApiProperty({
    type: [ClaimantSuggestionView],
    description: 'claimants whose name or alias matches the free-text claimant, best first',
  })
  claimantSuggestions!: ClaimantSuggestionView[];
}
