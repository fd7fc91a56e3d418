import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';

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

// Characters as PostgreSQL's char_length counts them (code points). class-validator's Length
// also discounts U+FE0E/U+FE0F, so text past a column's CHECK slipped through into a 500.
export function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) length--;
  }
  return length;
}

export const CodePointLength = (min: number, max: number, options: ValidationOptions = {}) =>
  ValidateBy(
    {
      name: 'codePointLength',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          codePointLength(value) >= min &&
          codePointLength(value) <= max,
        defaultMessage: () =>
          min > 0
            ? `must be ${min}–${max} characters long`
            : `must be at most ${max} characters long`,
      },
    },
    options,
  );

// A lone surrogate cannot be stored as UTF-8 (the driver would write U+FFFD, jsonb refuses
// it), so it is refused rather than silently replaced.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const WellFormedUnicode = (options: ValidationOptions = {}) =>
  ValidateBy(
    {
      name: 'wellFormedUnicode',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !LONE_SURROGATE.test(value),
        defaultMessage: () => 'must be well-formed Unicode (no lone surrogates)',
      },
    },
    options,
  );

export const trimString = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

// A trimmed string of `min`–`max` characters, without NULs or lone surrogates: the stack
// every free-text field uses. With `{ each: true }` it checks every item of an array
// (trimming is the caller's).
export const TextField = (min: number, max: number, options: ValidationOptions = {}) =>
  applyDecorators(
    ...(options.each ? [] : [Transform(trimString)]),
    IsString(options),
    NoNulCharacters(),
    WellFormedUnicode(options),
    CodePointLength(min, max, options),
  );

// May be left out, but not sent as null (for fields the database requires).
export const OptionalNotNull = () => ValidateIf((_object, value) => value !== undefined);
