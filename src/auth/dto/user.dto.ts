import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  isEmail,
  MaxLength,
  ValidateBy,
} from 'class-validator';
import { OptionalNotNull, TextField } from '../../common/validation/text.validators.js';
import { IsTimestamp } from '../../common/validation/timestamps.js';
import { Role, ROLES } from '../role.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

// class-validator's IsEmail throws (URIError) on a lone surrogate instead of answering false,
// which made such an email a 500.
const IsEmailAddress = () =>
  ValidateBy({
    name: 'isEmail',
    validator: {
      validate: (value: unknown) => {
        try {
          return isEmail(value);
        } catch {
          return false;
        }
      },
      defaultMessage: () => 'must be an email',
    },
  });

export class CreateUserDto {
  @ApiProperty({ example: 'Olena Kovalenko', maxLength: 200 })
  @TextField(1, 200)
  name!: string;

  @ApiProperty({ example: 'olena@newsroom.example' })
  @Transform(trim)
  @IsString()
  @MaxLength(320)
  @IsEmailAddress()
  email!: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['reporter'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: Role[];
}

// Every field may be left out; none may be null (the columns are NOT NULL).
export class UpdateUserDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @OptionalNotNull()
  @TextField(1, 200)
  name?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @OptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ description: 'false deactivates the user; their tokens stop at once' })
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;
}

export class IssueTokenDto {
  @ApiPropertyOptional({ example: 'laptop', maxLength: 200 })
  @IsOptional()
  @TextField(0, 200)
  label?: string;

  @ApiPropertyOptional({
    example: '2027-01-01T00:00:00Z',
    description: 'RFC 3339; the token stops working then. Never expires when left out.',
  })
  @IsOptional()
  @IsTimestamp()
  expiresAt?: string;
}

export class UserView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty() active!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class TokenView {
  @ApiProperty() id!: string;
  @ApiProperty() userId!: string;
  @ApiProperty({ nullable: true, type: String }) label!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) expiresAt!: string | null;
  @ApiProperty({ description: 'The secret. Shown once; only its hash is kept.' })
  token!: string;
}

// A token as listed: never its secret or hash.
export class TokenSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty() userId!: string;
  @ApiProperty({ nullable: true, type: String }) label!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) lastUsedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) expiresAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt!: string | null;
}

export class CreatedUserView {
  @ApiProperty({ type: UserView }) user!: UserView;
  @ApiProperty({ description: "The new user's first token. Shown once." }) token!: string;
  @ApiProperty({ description: 'Id of that token, for revoking it' }) tokenId!: string;
}

export class MeView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
}
