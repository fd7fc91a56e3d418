import type { Candidate } from './candidate.js';
import { CHECKWORTHY_THRESHOLD, OFFERED_THRESHOLD } from './checkworthiness.js';
import { extractDigitFigures } from './digit-figures.js';

// A sentence holding a figure is the likeliest claim; any other sentence of a few words is
// offered too, since without the English rules nothing tells an assertion from background;
// a fragment (a headline word, a dateline) is listed greyed.
const WITH_FIGURE = 0.7;
const MIN_WORDS_OFFERED = 3;

// Candidates for an article in a language the claimant and hedge rules do not know: every
// sentence as the runtime's Unicode segmentation (Intl.Segmenter) splits it for that
// language, with the figures written in digits. A line break always ends a sentence, as in
// the English pipeline (wire copy puts a paragraph a line; headlines have no full stop).
export function sentenceCandidates(text: string, language: string): Candidate[] {
  const sentences = new Intl.Segmenter(language, { granularity: 'sentence' });
  const words = new Intl.Segmenter(language, { granularity: 'word' });
  const candidates: Candidate[] = [];
  for (const { segment, index } of sentences.segment(text)) {
    for (const line of linesOf(segment, index)) {
      const figures = extractDigitFigures(line.text, language);
      const wordCount = [...words.segment(line.text)].filter((w) => w.isWordLike).length;
      const checkworthiness =
        figures.length > 0
          ? WITH_FIGURE
          : wordCount >= MIN_WORDS_OFFERED
            ? OFFERED_THRESHOLD
            : CHECKWORTHY_THRESHOLD;
      candidates.push({
        sentence: line.text,
        span: { start: line.start, end: line.end },
        claimant: null,
        figures,
        hedges: [],
        checkworthiness,
      });
    }
  }
  return candidates;
}

// The non-blank lines of a segment, trimmed, with offsets into the article.
function linesOf(segment: string, offset: number): { text: string; start: number; end: number }[] {
  const lines: { text: string; start: number; end: number }[] = [];
  for (const match of segment.matchAll(/[^\r\n]+/g)) {
    const raw = match[0];
    const leading = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text === '') continue;
    const start = offset + match.index + leading;
    lines.push({ text, start, end: start + text.length });
  }
  return lines;
}
