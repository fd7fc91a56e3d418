import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy, ValidationOptions } from 'class-validator';
import { canonicalLanguageTag } from '../../domain/languages.js';

// A BCP 47 language tag, replaced by its canonical form ("EN-us" → "en-US") so that equal
// languages are stored and filtered alike. Used by claims, articles and the claims list.
export const LanguageTag = (options: ValidationOptions = {}) =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? (canonicalLanguageTag(value.trim()) ?? value) : value,
    ),
    ValidateBy(
      {
        name: 'languageTag',
        validator: {
          validate: (value: unknown) =>
            typeof value === 'string' && canonicalLanguageTag(value) === value,
          defaultMessage: () => 'must be a BCP 47 language tag such as en, uk or pt-BR',
        },
      },
      options,
    ),
  );
