// A tiny tagged template for server-rendered HTML and XML that escapes by default: every
// interpolated value is text unless it is already Markup (the result of another `html`
// template), so nothing reaches a page unescaped by accident.
export class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Fragment = Markup | string | number | null | undefined | false | Fragment[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeText = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char]);

function render(fragment: Fragment): string {
  if (fragment === null || fragment === undefined || fragment === false) return '';
  if (fragment instanceof Markup) return fragment.value;
  if (Array.isArray(fragment)) return fragment.map(render).join('');
  return escapeText(String(fragment));
}

export function html(strings: TemplateStringsArray, ...values: Fragment[]): Markup {
  let out = strings[0];
  values.forEach((value, index) => (out += render(value) + strings[index + 1]));
  return new Markup(out);
}

// JSON for a <script type="application/ld+json"> data block: `<`, `>` and `&` are written
// as \u escapes, so no text in it can close the script element, and it stays valid JSON.
export function jsonLdBlock(value: unknown): Markup {
  const json = JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return new Markup(`<script type="application/ld+json">${json}</script>`);
}

// Only http(s) links are rendered as links; anything else (javascript:, data:) is not.
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
