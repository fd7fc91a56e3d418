import type { FigureQualifier } from '../../src/articles/extraction/candidate.js';
import type {
  EvalArticle,
  ExpectedCandidate,
  ExpectedNegative,
  NegativeKind,
  NewsKind,
} from './types.js';

// Articles written as labelled sentences: the text is built from them (sentences of a
// paragraph joined by a space, paragraphs by a line break), so every sentence carries a label.
type Labelled =
  ({ candidate: true } & ExpectedCandidate) | ({ candidate: false } & ExpectedNegative);

// A check-worthy sentence: claimant (or its accepted forms), figures as [value, qualifier],
// hedges as written.
export function claim(
  sentence: string,
  claimant: string | string[] | null,
  figures: Array<[number, FigureQualifier?]> = [],
  hedges: string[] = [],
): Labelled {
  return {
    candidate: true,
    sentence,
    claimant,
    figures: figures.map(([value, qualifier]) => ({ value, qualifier: qualifier ?? null })),
    hedges,
  };
}

export const background = (sentence: string): Labelled => negative(sentence, 'background');
export const colour = (sentence: string): Labelled => negative(sentence, 'colour');
export const opinion = (sentence: string): Labelled => negative(sentence, 'opinion');

function negative(sentence: string, kind: NegativeKind): Labelled {
  return { candidate: false, sentence, kind };
}

export function article(id: string, kind: NewsKind, paragraphs: Labelled[][]): EvalArticle {
  const text = paragraphs.map((p) => p.map((s) => s.sentence).join(' ')).join('\n');
  const all = paragraphs.flat();
  return {
    id,
    kind,
    text,
    candidates: all.filter((s) => s.candidate).map(({ candidate: _, ...rest }) => rest),
    negatives: all.filter((s) => !s.candidate).map(({ candidate: _, ...rest }) => rest),
  };
}
