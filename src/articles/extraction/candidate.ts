export type FigureQualifier =
  'more_than' | 'less_than' | 'at_least' | 'at_most' | 'approximately' | 'exactly' | 'up_to';

export interface Figure {
  // The figure as written, qualifier included ("more than 2,000", "$1.2 billion").
  text: string;
  value: number;
  qualifier: FigureQualifier | null;
}

// Who made a claim, as extraction found it.
export interface Claimant {
  text: string;
  // True when the claimant names someone ("Britain's Defense Ministry", "the company") rather
  // than describing a crowd ("officials", "a spokeswoman").
  named: boolean;
}

export interface Candidate {
  sentence: string;
  span: { start: number; end: number };
  claimant: string | null;
  figures: Figure[];
  hedges: string[];
  checkworthiness: number;
}

// What extraction ran for an article (the response's `features`): all of them for English,
// sentences and figures for other languages (features.ts).
export const EXTRACTION_FEATURES = [
  'sentences',
  'figures',
  'claimants',
  'hedges',
  'checkworthiness',
] as const;
export type ExtractionFeature = (typeof EXTRACTION_FEATURES)[number];
