import { primaryLanguage } from '../../domain/languages.js';
import { EXTRACTION_FEATURES, type ExtractionFeature } from './candidate.js';

export { EXTRACTION_FEATURES, type ExtractionFeature };

// What extraction does for an article, by its language (SPEC §15). The claimant, hedge and
// check-worthiness rules read English; every language gets sentences and digit figures.
const EVERY_LANGUAGE: readonly ExtractionFeature[] = ['sentences', 'figures'];

export const isEnglish = (language: string): boolean => primaryLanguage(language) === 'en';

export function extractionFeaturesFor(language: string): ExtractionFeature[] {
  return [...(isEnglish(language) ? EXTRACTION_FEATURES : EVERY_LANGUAGE)];
}
