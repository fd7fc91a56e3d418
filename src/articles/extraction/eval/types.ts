import type { FigureQualifier } from '../candidate.js';

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

export interface EvalArticle {
  id: string;
  text: string;
  // Every check-worthy sentence; sentences not listed are expected not to be candidates.
  candidates: ExpectedCandidate[];
}
