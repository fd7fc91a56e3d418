import { earthquakeToll } from './article-earthquake-toll.js';
import { electionCount } from './article-election-count.js';
import { khersonMariupol } from './article-kherson-mariupol.js';
import { measlesCases } from './article-measles-cases.js';
import { quarterlyEarnings } from './article-quarterly-earnings.js';
import { valleyFloods } from './article-valley-floods.js';
import type { EvalArticle } from './types.js';

// Articles the rules were developed against.
export const developmentSet: EvalArticle[] = [
  khersonMariupol,
  electionCount,
  quarterlyEarnings,
  measlesCases,
  earthquakeToll,
];

// Articles labelled after the rules were written and never tuned against; new articles go here.
export const heldOutSet: EvalArticle[] = [valleyFloods];

export const evaluationSet: EvalArticle[] = [...developmentSet, ...heldOutSet];
