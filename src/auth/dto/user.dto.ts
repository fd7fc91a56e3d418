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
