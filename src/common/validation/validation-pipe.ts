import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldError } from '../problem/domain-error.js';

// Flattens class-validator's tree into `{field, message}` pairs with dotted paths
// ("span.start", "tags.3").
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(/^property \S+ /, ''),
    }));
    return own.concat(toFieldErrors(error.children ?? [], field));
  });
}

// One pipe for every body, query and param: unknown fields are refused, not dropped.
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = toFieldErrors(errors);
      const detail = fieldErrors
        .slice(0, 3)
        .map(({ field, message }) => `${field}: ${message}`)
        .join('; ');
      return new DomainError('validation', detail || 'The request is invalid.', {
        errors: fieldErrors,
      });
    },
  });
}
