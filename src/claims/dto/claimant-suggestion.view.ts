import { ApiProperty } from '@nestjs/swagger';
import { CLAIMANT_TYPES, type ClaimantType } from '../../domain/publication.js';

export class ClaimantSuggestionView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CLAIMANT_TYPES }) type!: ClaimantType;
  @ApiProperty({ description: 'the name or alias that matched the free-text claimant' })
  matched!: string;
  @ApiProperty({ description: 'trigram similarity, 0–1 (1: the same name, any case)' })
  similarity!: number;
}
