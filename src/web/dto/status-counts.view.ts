import { ApiProperty } from '@nestjs/swagger';
import type { ClaimStatus } from '../../domain/claim-status.js';

export class StatusCountsView {
  @ApiProperty({
    example: { submitted: 12, in_review: 3, verified: 40 },
    description: 'claims per status under the filters; every status is present, 0 if none',
  })
  counts!: Record<ClaimStatus, number>;
}
