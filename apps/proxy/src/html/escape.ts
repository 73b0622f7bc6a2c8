/**
 * HTML built from tagged templates that escape every interpolated value: a report's strings (campaign
 * names, titles, notes operators wrote) are data, never markup. Only `Html` values, made by `html` or
 * by `trusted()`, pass through unescaped, so markup can be composed without a second escaping step.
 * @module
 */

/** Markup known to be safe: built by `html` (escaped parts) or a constant of this module's callers. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What a template accepts: text (escaped), numbers, markup, nothing, or lists of those. */
export type Part = Html | string | number | null | undefined | false | readonly Part[];

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return "";
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join("");
  return escapeHtml(String(part));
}

/**
 * @example
 * html`<td>${campaign.name}</td>` // "<script>" in the name arrives as "&lt;script&gt;"
 */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i] as Part) + strings[i + 1]!;
  return new Html(out);
}

/** A constant of the caller's own (CSS, an SVG path it computed): never data from a report. */
export function trusted(markup: string): Html {
  return new Html(markup);
}
