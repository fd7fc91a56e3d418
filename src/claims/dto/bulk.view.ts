import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// One item's outcome: 200 and the claim's new version, or its problem (RFC 9457).
export class BulkResultView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 200, description: 'what the single-claim request would have answered' })
  status!: number;
  @ApiPropertyOptional({ description: 'the new version, on success' }) version?: number;
  @ApiPropertyOptional({ description: 'RFC 9457 problem details, on failure' })
  problem?: Record<string, unknown>;
}

export class BulkResponseView {
  @ApiProperty({ type: [BulkResultView], description: 'one per item, in request order' })
  results!: BulkResultView[];
}
