import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, Length, ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';

// PostgreSQL text cannot hold U+0000, so a NUL is refused up front with a 400 that names
// the field, instead of failing deep in the driver. Works on strings and string arrays.
export const NoNulCharacters = () =>
  ValidateBy({
    name: 'noNulCharacters',
    validator: {
      validate: (value: unknown) =>
        Array.isArray(value)
          ? value.every((item) => typeof item !== 'string' || !item.includes('\u0000'))
          : typeof value !== 'string' || !value.includes('\u0000'),
      defaultMessage: () => 'must not contain NUL characters',
    },
  });

export const trimString = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

// A trimmed string of `min`–`max` characters without NULs: the stack every free-text field
// uses. With `{ each: true }` it checks every item of an array (trimming is the caller's).
export const TextField = (min: number, max: number, options: ValidationOptions = {}) =>
  applyDecorators(
    ...(options.each ? [] : [Transform(trimString)]),
    IsString(options),
    NoNulCharacters(),
    Length(min, max, options),
  );

// May be left out, but not sent as null (for fields the database requires).
export const OptionalNotNull = () => ValidateIf((_object, value) => value !== undefined);
