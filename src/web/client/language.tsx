import { canonicalLanguageTag, COMMON_LANGUAGES } from '../../domain/languages.js';

const names = new Intl.DisplayNames(['en'], { type: 'language' });

// "Ukrainian (uk)", "Spanish (Latin America) (es-419)"; the bare tag when the browser does
// not know it.
export function languageName(tag: string): string {
  let name: string | undefined;
  try {
    name = names.of(tag);
  } catch {
    name = undefined;
  }
  return name && name !== tag ? `${name} (${tag})` : tag;
}

// A claim's or article's language, marked up so screen readers switch voice for the text.
export const LanguageBadge = ({ tag }: { tag: string }) => (
  <span class="badge language" title={languageName(tag)}>
    {tag}
  </span>
);

// Empty input is "the newsroom's default"; anything else must be a BCP 47 tag. The browser
// runs the server's own check (domain/languages.ts), so the message comes before a 400.
export function languageProblem(value: string): string | null {
  const tag = value.trim();
  if (!tag || canonicalLanguageTag(tag)) return null;
  return `“${tag}” is not a language tag: use a code such as en, uk or pt-BR.`;
}

export const LANGUAGE_LIST_ID = 'common-languages';

// One datalist for every language input: pick a common language or type any tag.
export const CommonLanguages = () => (
  <datalist id={LANGUAGE_LIST_ID}>
    {COMMON_LANGUAGES.map(({ tag, name }) => (
      <option value={tag}>{name}</option>
    ))}
  </datalist>
);

// A language input bound to the common list (the Field around it gives it its label).
export function LanguageInput(props: {
  value: string;
  placeholder?: string;
  onInput: (value: string) => void;
  id?: string;
  'aria-describedby'?: string;
}) {
  const problem = languageProblem(props.value);
  return (
    <input
      type="text"
      name="language"
      id={props.id}
      aria-describedby={props['aria-describedby']}
      list={LANGUAGE_LIST_ID}
      maxLength={64}
      autocomplete="off"
      spellcheck={false}
      placeholder={props.placeholder}
      aria-invalid={problem ? 'true' : undefined}
      value={props.value}
      onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
    />
  );
}
