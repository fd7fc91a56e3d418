import { ApiProperty } from '@nestjs/swagger';

export class InvitationView {
  @ApiProperty({
    description: 'The one-time link that lets the person register a passkey. Shown once.',
    example: 'https://desk.example.org/#/invitation/3q2-…',
  })
  url!: string;

  @ApiProperty({ description: 'The link stops working at this time (72 hours from now)' })
  expiresAt!: string;
}
