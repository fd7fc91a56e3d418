import { primaryLanguage } from '../../domain/languages.js';

// What extraction does for an article, by its language (SPEC §15). The claimant, hedge and
// check-worthiness rules read English; every language gets sentences and digit figures.
export const EXTRACTION_FEATURES = [
  'sentences',
  'figures',
  'claimants',
  'hedges',
  'checkworthiness',
] as const;
export type ExtractionFeature = (typeof EXTRACTION_FEATURES)[number];

const EVERY_LANGUAGE: readonly ExtractionFeature[] = ['sentences', 'figures'];

export const isEnglish = (language: string): boolean => primaryLanguage(language) === 'en';

export function extractionFeaturesFor(language: string): ExtractionFeature[] {
  return [...(isEnglish(language) ? EXTRACTION_FEATURES : EVERY_LANGUAGE)];
}
