import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import type { ValidationPipeOptions } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { ValidatorOptions } from 'class-validator';
import { CompiledValidation } from './compiled-validation.js';
import { DomainError, FieldError } from '../problem/domain-error.js';

// A problem lists at most this many field errors: enough to fix a form, while a body of
// 90,000 unknown keys cannot make the service build (and send) 90,000 of them.
export const MAX_FIELD_ERRORS = 20;

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

function validationError(fieldErrors: FieldError[]): DomainError {
  const errors = fieldErrors.slice(0, MAX_FIELD_ERRORS);
  const detail = errors
    .slice(0, 3)
    .map(({ field, message }) => `${field}: ${message}`)
    .join('; ');
  return new DomainError('validation', detail || 'The request is invalid.', { errors });
}

// The properties a DTO declares (any validation decorator, as class-validator's whitelist).
type Dto = abstract new (...args: never[]) => unknown;
const declaredProperties = new WeakMap<Dto, Set<string>>();
function propertiesOf(dto: Dto): Set<string> {
  let names = declaredProperties.get(dto);
  if (!names) {
    const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
    names = new Set(metadata.map((item) => item.propertyName));
    declaredProperties.set(dto, names);
  }
  return names;
}

// Unknown top-level keys, up to `limit` of them, found without transforming or validating
// the rest of the object.
function unknownKeys(value: object, dto: Dto, limit: number): FieldError[] {
  const known = propertiesOf(dto);
  const errors: FieldError[] = [];
  for (const key in value) {
    if (!Object.hasOwn(value, key) || known.has(key)) continue;
    errors.push({ field: key, message: 'should not exist' });
    if (errors.length === limit) break;
  }
  return errors;
}

// One pipe for every body, query and param: unknown fields are refused, not dropped.
// More unknown keys than a problem lists are refused before class-transformer and
// class-validator walk the object, so the cost stays bounded by MAX_FIELD_ERRORS, not by
// the size of the body; fewer go through class-validator with every other field error.
// A valid object is recognised by the DTOs' compiled declarations (compiled-validation.ts);
// class-validator itself lists the errors of an invalid one.
class BoundedValidationPipe extends ValidationPipe {
  private readonly compiled: CompiledValidation;
  // Each DTO's declarations, as Nest's search for binary values in nested properties reads
  // them: Nest looks them up anew for every body holding an object or an array (tags),
  // but they are fixed once the classes are loaded.
  private readonly declarations = new Map<unknown, unknown[]>();

  constructor(options: ValidationPipeOptions) {
    super(options);
    this.compiled = new CompiledValidation(this.validatorOptions);
  }

  protected override validate(
    object: object,
    options?: ValidatorOptions,
  ): Promise<ValidationError[]> | ValidationError[] {
    if (this.compiled.isValid(object) === true) return [];
    return super.validate(object, options);
  }

  protected override findNestedBinaryValues(
    object: unknown,
    declarations: Map<unknown, unknown[]> = this.declarations,
  ): ValidationError[] {
    return super.findNestedBinaryValues(object, declarations);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const dto = metadata.metatype;
    if (
      dto &&
      this.toValidate(metadata) &&
      value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      propertiesOf(dto).size > 0
    ) {
      const unknown = unknownKeys(value, dto, MAX_FIELD_ERRORS + 1);
      if (unknown.length > MAX_FIELD_ERRORS) throw validationError(unknown);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new BoundedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationError(toFieldErrors(errors)),
  });
}
