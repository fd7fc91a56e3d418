import { analyse, type EntityMention, type Token } from './nlp.js';

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  // Always equal to original.slice(start, end).
  text: string;
}

export interface AnalysedSentence extends Sentence {
  tokens: Token[];
  // Entity mentions inside the sentence, with offsets into the original text.
  entities: EntityMention[];
}

const isBlank = (t: Token): boolean => t.text.trim() === '';

// Splits text into sentences with the model's boundaries, then applies two newsroom rules:
// a line break always ends a sentence (wire copy puts one paragraph per line, headlines have no
// full stop), and a "sentence" that starts in lower case continues the previous one
// ("Is it true?" asked Lt. Col. Ann Ray. / Sen. Bob Jones (D-Mass.) voted no.).
export function analyseSentences(text: string): AnalysedSentence[] {
  const { tokens, sentences, entities } = analyse(text);
  const groups: Token[][] = [];
  for (const [first, last] of sentences) {
    let current: Token[] = [];
    for (let i = first; i <= last; i++) {
      const token = tokens[i];
      if (!token) continue;
      if (isBlank(token)) {
        if (token.text.includes('\n') && current.length > 0) {
          groups.push(current);
          current = [];
        }
        continue;
      }
      current.push(token);
    }
    if (current.length > 0) groups.push(current);
  }

  const merged: Token[][] = [];
  for (const group of groups) {
    const previous = merged[merged.length - 1];
    const startsLower = /^[a-z]/.test(group[0]?.text ?? '');
    const sameLine =
      previous !== undefined &&
      !text.slice(previous[previous.length - 1]!.end, group[0]!.start).includes('\n');
    if (previous && startsLower && sameLine) previous.push(...group);
    else merged.push(group);
  }

  // Sentences and entities both run in text order, so one cursor hands each sentence its
  // entities (a filter per sentence was quadratic on long articles).
  let next = 0;
  return merged.map((group) => {
    const start = group[0]!.start;
    const end = group[group.length - 1]!.end;
    while (next < entities.length && entities[next]!.start < start) next++;
    const inside: EntityMention[] = [];
    for (let k = next; k < entities.length && entities[k]!.start < end; k++) {
      if (entities[k]!.end <= end) inside.push(entities[k]!);
    }
    return { text: text.slice(start, end), start, end, tokens: group, entities: inside };
  });
}

export function splitSentences(text: string): Sentence[] {
  return analyseSentences(text).map(({ text: sentence, start, end }) => ({
    text: sentence,
    start,
    end,
  }));
}
