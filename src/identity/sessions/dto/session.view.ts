import { ApiProperty } from '@nestjs/swagger';

// A live sign-in as its owner and admins see it: never its secret or hash.
export class SessionView {
  @ApiProperty() id!: string;
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: ['passkey', 'oidc', 'token'] }) method!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() lastSeenAt!: string;
  @ApiProperty({ description: 'When it ends unless used again (idle) or at the latest (absolute)' })
  expiresAt!: string;
  @ApiProperty({ nullable: true, type: String }) userAgent!: string | null;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ description: 'Whether this is the session the request itself used' })
  current!: boolean;
}
