import type { Candidate } from './candidate.js';
import {
  CHECKWORTHY_THRESHOLD,
  hasActorEvent,
  hasQuotedStatement,
  scoreCheckworthiness,
} from './checkworthiness.js';
import { resolveClaimants } from './claimants.js';
import { isEnglish } from './features.js';
import { extractFigures } from './figures.js';
import { findHedges } from './hedges.js';
import { sentenceCandidates } from './sentence-candidates.js';
import { analyseSentences } from './sentences.js';

export type { Candidate, Figure, FigureQualifier } from './candidate.js';

// Returns the check-worthy sentences of an article, in order, with who said them, the figures
// they state and the phrases that hedge them. Pure: no I/O, no state between calls. Articles
// in other languages than English get their sentences and figures only (features.ts).
export function extractCandidates(text: string, language = 'en'): Candidate[] {
  const all = isEnglish(language) ? analyseArticle(text) : sentenceCandidates(text, language);
  return all.filter((c) => c.checkworthiness >= CHECKWORTHY_THRESHOLD);
}

// Every sentence of an article as a candidate, whatever its score: the evaluation judges
// claimants, figures and hedges on labelled sentences even when they score too low to offer.
export function analyseArticle(text: string): Candidate[] {
  const sentences = analyseSentences(text);
  const claimants = resolveClaimants(sentences);
  const candidates: Candidate[] = [];
  sentences.forEach((sentence, i) => {
    const figures = extractFigures(sentence.text);
    const hedges = findHedges(sentence.text);
    const claimant = claimants[i] ?? null;
    const checkworthiness = scoreCheckworthiness({
      figures: figures.length,
      claimant,
      quote: hasQuotedStatement(sentence.text),
      actorEvent: hasActorEvent(sentence.tokens),
      hedges: hedges.map((h) => h.kind),
    });
    candidates.push({
      sentence: sentence.text,
      span: { start: sentence.start, end: sentence.end },
      claimant: claimant?.text ?? null,
      figures,
      hedges: hedges.map((h) => h.text),
      checkworthiness,
    });
  });
  return candidates;
}
