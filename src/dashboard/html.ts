// The dashboard's only way to write HTML: a tagged template that escapes every
// interpolated value unless it is already Html (built by this tag). Escaping by
// default means a customer's name or message can never become markup; the one
// way around it is to build the fragment with `html` too.

const HTML = Symbol('html');

/** A fragment of markup this module built, safe to place as is. */
export interface Html {
  readonly [HTML]: true;
  readonly text: string;
}

/** What a template may interpolate: nothing renders for null, undefined and false. */
export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ENTITIES[c] ?? c);
}

export const isHtml = (value: unknown): value is Html => typeof value === 'object' && value !== null && HTML in value;

const trusted = (text: string): Html => ({ [HTML]: true, text });

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map((v: HtmlValue) => render(v)).join('');
  if (isHtml(value)) return value.text;
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let text = strings[0] ?? '';
  values.forEach((value, i) => {
    text += render(value) + (strings[i + 1] ?? '');
  });
  return trusted(text);
}

/** Markup written by the code itself (never user data), e.g. an inline SVG icon. */
export const rawHtml = (markup: string): Html => trusted(markup);

export const toHtmlString = (fragment: Html): string => fragment.text;
