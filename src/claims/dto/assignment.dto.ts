import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { IsTimestamp } from '../../common/validation/timestamps.js';

// POST /claims/:id/assignment, and the params of the bulk action `assign`.
export class AssignmentDto {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'an active editor, or null to unassign',
    example: '0b5c2a5e-6f0e-4d6f-9a51-2f3f6b1f8e11',
  })
  @ValidateIf((_object, value) => value !== null)
  @IsUUID(undefined, { message: 'must be a user id (a UUID) or null' })
  assigneeId!: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description:
      'RFC 3339, in the future and at most a year ahead; null clears it, leaving it out keeps it',
    example: '2026-12-03T18:00:00Z',
  })
  @IsOptional()
  @IsTimestamp()
  dueAt?: string | null;
}
