import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { ArgumentMetadata } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import type { ClassConstructor } from 'class-transformer';
import { getMetadataStorage, validate, ValidationTypes } from 'class-validator';
import type { ValidatorOptions } from 'class-validator';
import fc from 'fast-check';
import { CompiledValidation } from './compiled-validation.js';
import { createValidationPipe } from './validation-pipe.js';

type Dto = ClassConstructor<object>;
interface Rule {
  type: string;
  name?: string;
  propertyName: string;
  constraints?: unknown[];
  constraintCls: Dto;
}
interface Storage {
  validationMetadatas: Map<unknown, Rule[]>;
  getTargetValidationMetadatas(target: Dto, ...rest: unknown[]): Rule[];
}
const storage = getMetadataStorage() as unknown as Storage;

// Every DTO the service declares: the files of the dto/ folders and *.dto.ts.
const SOURCE = join(import.meta.dirname, '..', '..');
const DTO_FILES = readdirSync(SOURCE, { recursive: true, encoding: 'utf8' }).filter(
  (file) => /(^|\/)dto\/[^/]+\.ts$|\.dto\.ts$/.test(file) && !file.endsWith('.spec.ts'),
);
let DTOS: Dto[] = [];
// class-transformer's @Type declarations (its storage is not in its public types).
let typeStorage: {
  findTypeMetadata(target: Dto, property: string): { typeFunction(): Dto } | undefined;
};
let SCALARS: unknown[] = [];

// The pipe's options (createValidationPipe) as class-validator receives them.
const OPTIONS: ValidatorOptions = {
  forbidUnknownValues: false,
  whitelist: true,
  forbidNonWhitelisted: true,
  stopAtFirstError: true,
  validationError: { target: false, value: false },
};

const propertiesOf = (dto: Dto) => [
  ...new Set(
    storage
      .getTargetValidationMetadatas(dto, undefined, false, false)
      .map((rule) => rule.propertyName),
  ),
];
// Values every rule of the service's DTOs meets or misses somewhere: lengths at and past the
// limits, NUL and lone surrogates, dates, URLs, ids, language tags, numbers as text (queries).
const allowedWords = () =>
  [...storage.validationMetadatas.values()]
    .flat()
    .flatMap((rule) => rule.constraints ?? [])
    .flatMap((constraint) => (Array.isArray(constraint) ? constraint : [constraint]))
    .filter((value): value is string | number => ['string', 'number'].includes(typeof value));
const scalars = (): unknown[] => [
  undefined,
  null,
  '',
  ' ',
  'x',
  '  Some text  ',
  'a'.repeat(501),
  'a'.repeat(2001),
  'with\u0000nul',
  'lone\ud800',
  'en',
  'EN-us',
  'pt-BR',
  'not a tag!',
  '5f0c6d4e-8a3b-4c2d-9e1f-0a1b2c3d4e5f',
  'not-a-uuid',
  '2022-03-02',
  '2022-02-30',
  '2022-03-02T18:00:00Z',
  '2099-03-02T18:00:00Z',
  'https://example.com/a',
  'ftp://example.com/a',
  '10',
  '-1',
  '1.5',
  'true',
  'false',
  'person@example.com',
  0,
  1,
  7,
  50,
  -1,
  1.5,
  1e9,
  true,
  false,
  ...new Set(allowedWords()),
  // An array of one allowed word (roles, event patterns).
  ...[...new Set(allowedWords())].map((word) => [word]),
];
const SHAPES: unknown[] = [
  [],
  ['tag', ' Tag '],
  ['x', 1],
  [null],
  Array.from({ length: 25 }, (_, index) => `t${index}`),
  {},
  { a: 1 },
];

// A value class-validator accepts for each property, where one of the candidates does: a
// valid object to start from, so that most generated inputs are valid or nearly so.
async function validBase(dto: Dto, depth = 0): Promise<Record<string, unknown>> {
  const base: Record<string, unknown> = {};
  for (const property of propertiesOf(dto)) {
    for (const candidate of await candidatesFor(dto, property, depth)) {
      const errors = await validate(
        plainToInstance(dto, { ...base, [property]: candidate }),
        OPTIONS,
      );
      if (!errors.some((error) => error.property === property)) {
        if (candidate !== undefined) base[property] = candidate;
        break;
      }
    }
  }
  return base;
}

async function candidatesFor(dto: Dto, property: string, depth: number): Promise<unknown[]> {
  const nested = typeStorage.findTypeMetadata(dto, property);
  const type = nested?.typeFunction();
  const isNested = storage
    .getTargetValidationMetadatas(dto, undefined, false, false)
    .some(
      (rule) => rule.propertyName === property && rule.type === ValidationTypes.NESTED_VALIDATION,
    );
  if (!isNested || !type || depth > 2) return [...SCALARS, ...SHAPES];
  const item = await validBase(type, depth + 1);
  return [item, [item], [item, { ...item, extra: 1 }], ...SCALARS, ...SHAPES];
}

const UNCHANGED = Symbol('unchanged');

// Inputs around the valid object: properties replaced by other candidates, left out, and
// now and then an unknown key or one that Object.prototype also names.
async function inputsFor(dto: Dto): Promise<fc.Arbitrary<Record<string, unknown>>> {
  const base = await validBase(dto);
  const properties = propertiesOf(dto);
  // Mostly one or two properties changed at a time, so that valid inputs are common too.
  const overrides = await Promise.all(
    properties.map(async (property) =>
      fc.oneof(
        { arbitrary: fc.constant(UNCHANGED), weight: 2 * properties.length },
        { arbitrary: fc.constantFrom(...(await candidatesFor(dto, property, 0))), weight: 1 },
      ),
    ),
  );
  const extras = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 6 },
    { arbitrary: fc.constantFrom('unknownField', 'hasOwnProperty', 'toString'), weight: 1 },
  );
  return fc.tuple(fc.tuple(...overrides), extras).map(([values, extra]) => {
    const input: Record<string, unknown> = { ...base };
    properties.forEach((property, index) => {
      const value = values[index];
      if (value === UNCHANGED) return;
      if (value === undefined) delete input[property];
      else input[property] = structuredClone(value);
    });
    if (extra) input[extra] = 'x';
    return input;
  });
}

const asBody = (dto: Dto): ArgumentMetadata => ({ type: 'body', metatype: dto, data: '' });
const outcome = async (run: () => Promise<unknown>) => {
  try {
    return { value: await run() };
  } catch (error) {
    const { name, message } = error as Error;
    return { thrown: { ...(error as object), name, message } };
  }
};

describe(CompiledValidation.name, () => {
  beforeAll(async () => {
    for (const file of DTO_FILES) await import(pathToFileURL(join(SOURCE, file)).href);
    DTOS = [...storage.validationMetadatas.keys()].filter(
      (target): target is Dto => typeof target === 'function',
    );
    SCALARS = scalars();
    const storageModule: string = 'class-transformer/cjs/storage.js';
    ({ defaultMetadataStorage: typeStorage } = (await import(storageModule)) as {
      defaultMetadataStorage: typeof typeStorage;
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('finds the service’s DTOs in class-validator’s storage', () => {
    const names = DTOS.map((dto) => dto.name);
    expect(names).toEqual(expect.arrayContaining(['CreateClaimDto', 'TransitionDto', 'SpanDto']));
    expect(DTOS.length).toBeGreaterThan(30);
  });

  it('compiles every DTO and judges each input as class-validator does', async () => {
    const compiled = new CompiledValidation(OPTIONS);
    const tally = new Map<string, { valid: number; invalid: number }>();
    for (const dto of DTOS) {
      const counts = { valid: 0, invalid: 0 };
      tally.set(dto.name, counts);
      await fc.assert(
        fc.asyncProperty(await inputsFor(dto), async (input) => {
          const entity = plainToInstance(dto, structuredClone(input));
          const errors = await validate(entity, OPTIONS);
          const verdict = compiled.isValid(entity);
          expect([dto.name, input, verdict]).toEqual([dto.name, input, errors.length === 0]);
          counts[errors.length === 0 ? 'valid' : 'invalid']++;
        }),
        { numRuns: 100, seed: 20261203 },
      );
    }
    const onlyOneKind = [...tally].filter(([, { valid, invalid }]) => !valid || !invalid);
    // A DTO whose every field is optional still meets invalid inputs, and every DTO has a
    // valid object among the candidates; none is judged on one kind of input alone.
    expect(onlyOneKind).toEqual([]);
  });

  it('answers the same values and the same problems through the pipe as class-validator', async () => {
    const pipe = createValidationPipe();
    for (const dto of DTOS) {
      await fc.assert(
        fc.asyncProperty(await inputsFor(dto), async (input) => {
          const fast = await outcome(() => pipe.transform(structuredClone(input), asBody(dto)));
          const slow = jest
            .spyOn(CompiledValidation.prototype, 'isValid')
            .mockReturnValue(undefined);
          const reference = await outcome(() =>
            pipe.transform(structuredClone(input), asBody(dto)),
          );
          slow.mockRestore();
          expect([dto.name, input, fast]).toEqual([dto.name, input, reference]);
        }),
        { numRuns: 30, seed: 20261203 },
      );
    }
  });

  it('leaves to class-validator the options it does not reproduce', () => {
    const stripping = new CompiledValidation({ whitelist: true });
    expect(stripping.isValid(plainToInstance(DTOS[0]!, {}))).toBeUndefined();
  });
});
