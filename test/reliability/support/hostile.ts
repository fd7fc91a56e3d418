import fc from 'fast-check';

// Hostile JSON, written as text so that what JSON.stringify would never produce can be sent:
// `__proto__` keys, numbers past float range, nesting past the parser's limit.
export class JsonObject {
  constructor(readonly entries: [string, Hostile][]) {}
}
export class RawJson {
  constructor(readonly text: string) {}
}
export type Hostile = null | boolean | number | string | Hostile[] | JsonObject | RawJson;

export function toJsonText(value: Hostile): string {
  if (value instanceof RawJson) return value.text;
  if (value instanceof JsonObject) {
    return `{${value.entries.map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item)}`).join(',')}}`;
  }
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  // JSON.stringify writes a lone surrogate as a `\udXXX` escape and NUL as `\u0000`.
  return JSON.stringify(value) ?? 'null';
}

// Run counts: moderate in CI, ×10 with CLAIMDESK_LONG=1. Seeds are fixed per property (so a
// failure reproduces) unless CLAIMDESK_FUZZ_SEED is set; fast-check prints seed and path.
const LONG = process.env.CLAIMDESK_LONG === '1';
export const runs = (base: number) => (LONG ? base * 10 : base);
export const seedFor = (offset: number) =>
  process.env.CLAIMDESK_FUZZ_SEED
    ? Number(process.env.CLAIMDESK_FUZZ_SEED) + offset
    : 9009 + offset;

// BODY_LIMIT's and ARTICLE_BODY_LIMIT's defaults.
export const BODY_LIMIT = 64 * 1024;
export const ARTICLE_BODY_LIMIT = 1024 * 1024;

const EDGE_STRINGS = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  'lone high \ud83d',
  '\u202eevil\u202c',
  'zero\u200bwidth\u200d',
  '\ufeffbom',
  'line\u2028sep',
  'e\u0301\u0301\u0301\u0302',
  '😀',
  '👩‍👩‍👧‍👦',
  'a\ufe0f'.repeat(20),
  'مرحبا بالعالم',
  '\u00a0',
  "'; DROP TABLE claims; --",
  "' OR '1'='1",
  '1); SELECT pg_sleep(10); --',
  '$1',
  '%s%s%n',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '${7*7}{{7*7}}',
  '../../../etc/passwd',
  '\\',
  '"',
  'null',
  'true',
  '-1',
  '1e999',
  'NaN',
  '0x10',
  '2022-02-30',
  // ISO 8601 shapes that are not RFC 3339 (PostgreSQL refuses most of them).
  '2022-W10-3',
  '2022-W10',
  '2026-338',
  '2026-02-30T10:00:00Z',
  '2026-03-01T10:00:00',
  '2026-03-01 10:00:00Z',
  '20260301T100000Z',
  '2026-03-01T10:00Z',
  '2026-03-01T10:00:00+0100',
  '2026-03',
  '0000-01-01',
  '-271821-04-20T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '9999-12-31T24:00:00Z',
  '2022-03-02T25:61:61Z',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'submitted',
  'VERIFIED',
  'http://example.org',
  'javascript:alert(1)',
  'http://a/' + 'é'.repeat(1500),
  'https://exa mple.org/',
  '__proto__',
  'constructor',
];

const HUGE_SIZES = [
  201,
  501,
  2_001,
  5_001,
  BODY_LIMIT - 512,
  BODY_LIMIT + 1,
  200_001,
  ARTICLE_BODY_LIMIT - 512,
  ARTICLE_BODY_LIMIT + 1,
];
const HUGE_UNITS = ['a', 'é', '😀', 'a\ufe0f', ' ', '\u0000', '\ud800'];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...EDGE_STRINGS), weight: 5 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...HUGE_SIZES), fc.constantFrom(...HUGE_UNITS))
      .map(([size, unit]) => unit.repeat(Math.ceil(size / unit.length))),
    weight: 1,
  },
);

const RAW_NUMBERS = ['1e400', '-1e400', '-0', '1.5', '123456789012345678901234567890', '1E2'];
const deepArray = (depth: number) => new RawJson('['.repeat(depth) + ']'.repeat(depth));
const deepObject = (depth: number) => new RawJson('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));

const hostileLeaf: fc.Arbitrary<Hostile> = fc.oneof(
  { arbitrary: hostileString, weight: 6 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 },
  { arbitrary: fc.constantFrom(...RAW_NUMBERS).map((text) => new RawJson(text)), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constant(null), weight: 2 },
  {
    arbitrary: fc
      .tuple(fc.integer({ min: 20, max: 3000 }), fc.boolean())
      .map(([depth, array]) => (array ? deepArray(depth) : deepObject(depth))),
    weight: 1,
  },
);

// Keys that have hurt JavaScript services before, plus the fields callers may not set.
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];
const hostileKey: fc.Arbitrary<string> = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      ...PROTOTYPE_KEYS,
      'status',
      'version',
      'id',
      'submittedBy',
      'decidedBy',
      'roles',
      'isAdmin',
      'createdBy',
      'authorId',
    ),
    weight: 3,
  },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
);

export const { value: hostileValue } = fc.letrec<{ value: Hostile }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: hostileLeaf, weight: 4 },
    { arbitrary: fc.array(tie('value'), { maxLength: 4 }), weight: 1 },
    {
      arbitrary: fc
        .array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 })
        .map((entries) => new JsonObject(entries)),
      weight: 1,
    },
  ),
}));

// A prototype-pollution key carrying a payload, at the top level or nested inside it.
const pollution: fc.Arbitrary<[string, Hostile]> = fc
  .tuple(fc.constantFrom(...PROTOTYPE_KEYS), fc.nat({ max: 3 }))
  .map(([key, depth]) => {
    let payload: Hostile = new JsonObject([
      ['isAdmin', true],
      ['roles', ['admin']],
      ['polluted', 'yes'],
    ]);
    if (key === 'constructor') payload = new JsonObject([['prototype', payload]]);
    let entry: [string, Hostile] = [key, payload];
    for (let level = 0; level < depth; level++) entry = ['nested', new JsonObject([entry])];
    return entry;
  });

const ABSENT = Symbol('absent');

// A body shaped like the endpoint's own (each field valid, hostile or left out), with a few
// extra hostile entries; `fields` gives a valid generator per field.
export function hostileBodyLike(
  fields: Record<string, fc.Arbitrary<Hostile>>,
): fc.Arbitrary<Hostile> {
  const own = Object.entries(fields).map(([key, valid]) =>
    fc
      .oneof<fc.MaybeWeightedArbitrary<Hostile | typeof ABSENT>[]>(
        { arbitrary: valid, weight: 4 },
        { arbitrary: hostileValue, weight: 3 },
        { arbitrary: fc.constant(null), weight: 1 },
        { arbitrary: fc.constant(ABSENT), weight: 1 },
      )
      .map((value) => [key, value] as const),
  );
  const extra = fc.array(fc.oneof(pollution, fc.tuple(hostileKey, hostileValue)), { maxLength: 2 });
  return fc.tuple(fc.tuple(...own), extra, fc.boolean()).map(([pairs, extras, withExtras]) => {
    const entries = pairs.filter((pair): pair is [string, Hostile] => pair[1] !== ABSENT);
    return new JsonObject(withExtras ? [...entries, ...extras] : entries);
  });
}

const GARBAGE_TEXT = [
  '',
  ' ',
  '{',
  '{"text":',
  '{"text":"x",}',
  "{'text':'x'}",
  '{"text":"x"}}',
  'nul',
  'undefined',
  '\u0000',
  '{"text":"\\ud800"}',
  '{"a":1,"a":2}',
  '[]'.repeat(10),
];

// What goes on the wire for one request: usually a body shaped like the endpoint's,
// sometimes any JSON at all, sometimes not JSON.
export function hostileBodyText(
  fields: Record<string, fc.Arbitrary<Hostile>>,
): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: hostileBodyLike(fields).map(toJsonText), weight: 8 },
    { arbitrary: hostileValue.map(toJsonText), weight: 2 },
    { arbitrary: fc.constantFrom(...GARBAGE_TEXT), weight: 1 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 30 }), weight: 1 },
  );
}

// Query strings: each known parameter valid, hostile (sometimes repeated) or absent, and
// unknown parameters now and then. Values are strings on the wire, so hostile values are too.
export type QueryParameters = [string, string][];

const hostileQueryValue = fc.oneof(
  { arbitrary: hostileString.filter((value) => value.length < 3000), weight: 4 },
  {
    arbitrary: fc.constantFrom('-1', '0', '201', '1e3', '99999999999', '1.5', ' 5', ''),
    weight: 1,
  },
);

export function hostileQuery(params: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> {
  const own = Object.entries(params).map(([key, valid]) =>
    fc
      .oneof<fc.MaybeWeightedArbitrary<string[]>[]>(
        { arbitrary: valid.map((value) => [value]), weight: 3 },
        { arbitrary: hostileQueryValue.map((value) => [value]), weight: 3 },
        { arbitrary: fc.array(hostileQueryValue, { minLength: 2, maxLength: 3 }), weight: 1 },
        { arbitrary: fc.constant([]), weight: 2 },
      )
      .map((values) => values.map((value) => [key, value] as [string, string])),
  );
  const unknown = fc.array(
    fc.tuple(
      fc.constantFrom('__proto__', 'constructor', 'tag[]', 'a[b]', 'limit[]', 'x'),
      hostileQueryValue,
    ),
    { maxLength: 1 },
  );
  return fc.tuple(fc.tuple(...own), unknown).map(([pairs, extra]) => {
    const search = new URLSearchParams([...pairs.flat(), ...extra]);
    return search.size ? `?${search.toString()}` : '';
  });
}

// Path ids that are not uuids, or uuids that name nothing.
export const hostileId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'not-a-uuid',
    '1',
    '-1',
    'null',
    "' OR '1'='1",
    '00000000-0000-0000-0000-00000000000g',
    '{00000000-0000-0000-0000-000000000000}',
    '00000000000000000000000000000000',
    '../users',
    '%00',
    'a'.repeat(200),
    'é',
    '😀',
  ),
  fc.uuid(),
  // `.` and `..` are resolved away by the client before they are sent.
  fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }).filter((id) => !/^\.{1,2}$/.test(id)),
);

// A cursor that decodes to the right shape but carries hostile values, or no cursor at all.
export const hostileCursor: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('-createdAt', 'createdAt', '-priority', 'queue', 'sources', 'comments', 'x'),
      fc.array(
        fc.oneof(
          fc.constantFrom(
            '-999999999999999999',
            '999999999999999999',
            '99999',
            '-1',
            '0',
            '1e3',
            '',
            '00000000-0000-0000-0000-000000000000',
          ),
          fc.uuid(),
          fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }).map(String),
        ),
        { minLength: 1, maxLength: 4 },
      ),
    )
    .map((parts) => Buffer.from(JSON.stringify([parts[0], ...parts[1]])).toString('base64url')),
  fc.constantFrom('', '=', 'AAAA', '!!!', 'bnVsbA', 'W10', 'e30', 'c2VxOjE', 'c2VxOi0x'),
  fc.string({ maxLength: 40 }),
);

// ISO 8601 timestamps that RFC 3339 (and so the API) refuses: week and ordinal dates,
// impossible days, no seconds, no offset, basic format. Mixed into the fuzz suite's dates.
export const nonRfc3339Timestamp: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 53 }))
    .chain(([year, week]) =>
      fc.constantFrom(
        `${year}-W${String(week).padStart(2, '0')}`,
        `${year}-W${String(week).padStart(2, '0')}-${(week % 7) + 1}`,
        `${year}W${String(week).padStart(2, '0')}${(week % 7) + 1}`,
      ),
    ),
  fc
    .tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 366 }))
    .map(([year, day]) => `${year}-${String(day).padStart(3, '0')}`),
  fc
    .tuple(
      fc.integer({ min: 1900, max: 2100 }),
      fc.constantFrom('02-30', '02-31', '04-31', '13-01'),
    )
    .map(([year, monthDay]) => `${year}-${monthDay}`),
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
    .chain((date) => {
      const iso = date.toISOString();
      return fc.constantFrom(
        iso.slice(0, 16) + 'Z',
        iso.slice(0, 19),
        iso.replace('T', ' '),
        iso.replace(/[-:]/g, ''),
        iso.slice(0, 19) + '+0100',
      );
    }),
);
