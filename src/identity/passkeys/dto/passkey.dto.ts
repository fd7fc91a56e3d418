import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsString, Matches, MaxLength } from 'class-validator';
import { OptionalNotNull, TextField } from '../../../common/validation/text.validators.js';

const BASE64URL = /^[A-Za-z0-9_-]+$/;

export class RegistrationOptionsDto {
  @ApiPropertyOptional({
    description:
      'The token from an invitation link; without it, a signed-in session adds a passkey',
  })
  @OptionalNotNull()
  @IsString()
  @MaxLength(100)
  invitationToken?: string;
}

// A credential as @simplewebauthn/browser returns it (JSON, base64url fields). The
// WebAuthn library checks everything inside `response`; this checks only the envelope.
export class WebAuthnResponseDto {
  @ApiProperty({ description: 'Credential id, base64url' })
  @IsString()
  @MaxLength(1024)
  @Matches(BASE64URL, { message: 'must be base64url' })
  id!: string;

  @ApiProperty({ description: 'The same id, base64url' })
  @IsString()
  @MaxLength(1024)
  @Matches(BASE64URL, { message: 'must be base64url' })
  rawId!: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsObject()
  response!: Record<string, unknown>;

  @ApiProperty({ enum: ['public-key'] })
  @IsIn(['public-key'])
  type!: 'public-key';

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @OptionalNotNull()
  @IsObject()
  clientExtensionResults?: Record<string, unknown>;

  @ApiPropertyOptional({ enum: ['platform', 'cross-platform'] })
  @OptionalNotNull()
  @IsIn(['platform', 'cross-platform'])
  authenticatorAttachment?: 'platform' | 'cross-platform';
}

export class RegistrationVerifyDto extends WebAuthnResponseDto {
  @ApiPropertyOptional({ description: 'A name to tell this passkey apart', maxLength: 60 })
  @OptionalNotNull()
  @TextField(1, 60)
  label?: string;
}
