import type { Figure } from './candidate.js';

// Figures written in digits, in any language: "2000", "2 000", "2.000" (Spanish thousands),
// "3,5 %" (a Ukrainian decimal comma). Each language's separators come from the runtime's
// Unicode locale data (Intl.NumberFormat); qualifiers ("more than") are English cue words,
// so a figure found here has none. Words for numbers are left to the English extractor.
export function extractDigitFigures(sentence: string, language: string): Figure[] {
  const { pattern, group, decimal } = numberShapeOf(language);
  const figures: Figure[] = [];
  for (const match of sentence.matchAll(pattern)) {
    const digits = match.groups!.num!;
    const plain = [...digits]
      .filter((char) => !group.includes(char))
      .join('')
      .replace(decimal, '.');
    const value = Number(plain);
    if (Number.isFinite(value)) figures.push({ text: match[0], value, qualifier: null });
  }
  return figures;
}

interface NumberShape {
  pattern: RegExp;
  group: string[];
  decimal: string;
}

const SPACES = [' ', '\u00a0', '\u202f', '\u2009'];
const shapes = new Map<string, NumberShape>();

function numberShapeOf(language: string): NumberShape {
  let shape = shapes.get(language);
  if (!shape) {
    shape = buildShape(language);
    shapes.set(language, shape);
  }
  return shape;
}

function buildShape(language: string): NumberShape {
  const parts = new Intl.NumberFormat(language).formatToParts(12345.6);
  const localeGroup = parts.find((part) => part.type === 'group')?.value ?? ',';
  const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
  // Where the locale groups with a space, people type any kind of space.
  const group = SPACES.includes(localeGroup) ? SPACES : [localeGroup];
  const g = `[${group.map(escape).join('')}]`;
  const d = escape(decimal);
  const number = `\\d{1,3}(?:${g}\\d{3})+(?:${d}\\d+)?|\\d+(?:${d}\\d+)?`;
  // Not inside a word or a longer number ("A4", "1x").
  return {
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?<num>${number})(?:\\s?%)?(?![\\p{L}\\p{N}])`, 'gu'),
    group,
    decimal,
  };
}

const escape = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
