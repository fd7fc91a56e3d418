import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { TextField } from '../../common/validation/text.validators.js';

// POST /claims/:id/merge: fold this claim into `intoId`, the claim that stays.
export class MergeClaimDto {
  @ApiProperty({ description: 'the claim this one is a duplicate of, which stays' })
  @IsUUID()
  intoId!: string;

  @ApiProperty({
    minLength: 1,
    maxLength: 5000,
    example: 'Same figure, same source as the claim submitted on Monday.',
  })
  @TextField(1, 5000)
  rationale!: string;
}
