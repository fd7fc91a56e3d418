import { earthquakeToll } from './article-earthquake-toll.js';
import { electionCount } from './article-election-count.js';
import { khersonMariupol } from './article-kherson-mariupol.js';
import { measlesCases } from './article-measles-cases.js';
import { quarterlyEarnings } from './article-quarterly-earnings.js';
import type { EvalArticle } from './types.js';

export const evaluationSet: EvalArticle[] = [
  khersonMariupol,
  electionCount,
  quarterlyEarnings,
  measlesCases,
  earthquakeToll,
];
