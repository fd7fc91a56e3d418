import type { FigureQualifier } from '../../src/articles/extraction/candidate.js';

export type NewsKind =
  | 'conflict'
  | 'health'
  | 'elections'
  | 'business'
  | 'disaster'
  | 'courts'
  | 'transport'
  | 'education'
  | 'sport'
  | 'science'
  | 'local government';

export interface ExpectedFigure {
  value: number;
  qualifier: FigureQualifier | null;
}

export interface ExpectedCandidate {
  // Exact text of the sentence as it appears in the article.
  sentence: string;
  // The claimant, or the accepted forms of it (full title, name only); the first is preferred.
  claimant: string | string[] | null;
  figures: ExpectedFigure[];
  hedges: string[];
}

// Why a sentence is not worth offering: scene-setting, description, or the writer's or a
// speaker's view that no record could confirm or refute.
export type NegativeKind = 'background' | 'colour' | 'opinion';

export interface ExpectedNegative {
  sentence: string;
  kind: NegativeKind;
}

export interface EvalArticle {
  id: string;
  kind: NewsKind;
  text: string;
  // Every check-worthy sentence.
  candidates: ExpectedCandidate[];
  // Sentences labelled as not worth offering; any sentence in neither list is one too.
  negatives: ExpectedNegative[];
}
