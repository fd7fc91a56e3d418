import { ApiProperty } from '@nestjs/swagger';

// A registered passkey as its owner and admins see it: never its key material.
export class PasskeyView {
  @ApiProperty() id!: string;
  @ApiProperty() userId!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'Whether it syncs between devices (multiDevice) or not' })
  deviceType!: string;
  @ApiProperty() backedUp!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) lastUsedAt!: string | null;
}

export class SignedInView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ isArray: true, type: String }) roles!: string[];
}
