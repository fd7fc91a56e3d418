export type FigureQualifier =
  'more_than' | 'less_than' | 'at_least' | 'at_most' | 'approximately' | 'exactly' | 'up_to';

export interface Figure {
  // The figure as written, qualifier included ("more than 2,000", "$1.2 billion").
  text: string;
  value: number;
  qualifier: FigureQualifier | null;
}

export interface Candidate {
  sentence: string;
  span: { start: number; end: number };
  claimant: string | null;
  figures: Figure[];
  hedges: string[];
  checkworthiness: number;
}
