import { createRequire } from 'node:module';
import winkNLP, { type ItemEntity, type ItemSentence, type ItemToken } from 'wink-nlp';

// wink-nlp with its lite English model does the statistical work: tokenisation, sentence
// boundaries, part-of-speech tags and entity types (dates, durations, ordinals). Everything
// newsroom-specific lives in the rule files next to this one.

export interface Token {
  text: string;
  start: number;
  end: number;
  pos: string;
  lemma: string;
}

export interface EntityMention {
  type: string;
  start: number;
  end: number;
}

export interface AnalysedText {
  tokens: Token[];
  // Token index ranges [first, last] of the model's sentences.
  sentences: Array<[number, number]>;
  entities: EntityMention[];
}

// The model takes ~56 MB of memory, so it is loaded on the first article, not at start:
// a process that never ingests one (a replica serving the desk, the CLI) never pays.
let loaded: ReturnType<typeof winkNLP> | undefined;
function nlp(): ReturnType<typeof winkNLP> {
  loaded ??= winkNLP(createRequire(import.meta.url)('wink-eng-lite-web-model'));
  return loaded;
}

// wink-nlp's tokeniser takes time quadratic in the length of a run without whitespace
// (20,000 characters ~0.4 s, 200,000 ~30 s, blocking the event loop), so a run longer than
// any real word, URL or figure gets a space every MAX_RUN characters before analysis. The
// copy has the same length in UTF-16 units, so offsets found in it hold for the original.
const MAX_RUN = 200;
const LONG_RUN = new RegExp(`\\S{${MAX_RUN + 1},}`, 'gu');

export function breakLongRuns(text: string): string {
  return text.replace(LONG_RUN, (run) => {
    const chars = Array.from(run);
    for (let i = MAX_RUN; i < chars.length; i += MAX_RUN + 1) {
      chars[i] = ' '.repeat(chars[i]!.length);
    }
    return chars.join('');
  });
}

export function analyse(text: string): AnalysedText {
  const analysed = breakLongRuns(text);
  const instance = nlp();
  const its = instance.its;
  const doc = instance.readDoc(analysed);
  const tokens: Token[] = [];
  let cursor = 0;
  doc.tokens().each((t: ItemToken) => {
    const value = t.out();
    // The model keeps every token's original characters, so a forward search recovers its
    // offset; the fallback keeps going if a token was normalised.
    const found = analysed.indexOf(value, cursor);
    const start = found >= 0 ? found : cursor;
    const end = found >= 0 ? start + value.length : cursor;
    cursor = end;
    tokens.push({
      text: found >= 0 ? text.slice(start, end) : value,
      start,
      end,
      pos: t.out(its.pos),
      lemma: t.out(its.lemma as typeof its.pos),
    });
  });
  const sentences: Array<[number, number]> = [];
  doc.sentences().each((s: ItemSentence) => {
    const span = s.out(its.span) as unknown as number[];
    sentences.push([span[0], span[1]]);
  });
  const entities: EntityMention[] = [];
  doc.entities().each((e: ItemEntity) => {
    const span = e.out(its.span) as unknown as number[];
    const first = tokens[span[0]];
    const last = tokens[span[1]];
    if (first && last) entities.push({ type: e.out(its.type), start: first.start, end: last.end });
  });
  return { tokens, sentences, entities };
}
