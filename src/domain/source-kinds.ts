// What kind of thing a source is (SPEC §4).
export const SOURCE_KINDS = [
  'official_statement',
  'document',
  'dataset',
  'media_report',
  'social_media',
  'eyewitness',
  'expert',
  'other',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
