/**
 * The page shell and the building blocks every report page shares: headline figures (each with its
 * unit and basis), tables, highlights, the caveats box placed right under the figures, and the footer
 * that says when, over what range and from what the report was computed ("not checked" said as such,
 * never as 0). One self-contained document: inline CSS, inline SVG, no script, nothing fetched.
 * @module
 */
import type { ReportMeta } from "@goatkit/core";
import { type Html, html, type Part, trusted } from "./escape.js";
import { fmt } from "./format.js";
import { STYLE } from "./style.js";

/**
 * No script runs and nothing loads from anywhere: even a value that slipped past escaping could not
 * execute or phone home. Sent as a header and repeated in the page, which may be saved and opened as a file.
 */
export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** A headline figure: the value as the page writes it, what it counts, and over what period. */
export interface Figure {
  /** Stable id for tests and scrapers (`data-figure`). */
  id: string;
  label: string;
  value: string;
  /** The unit and basis line, e.g. "views · lifetime, as of the last scrape". */
  basis: string;
}

/** The basis wordings the pages share (core's basis.ts, shortened for a tile). */
export const basis = {
  lifetime: (unit: string) => `${unit} · lifetime, as of the last scrape`,
  inRange: (unit: string, meta: ReportMeta) => `${unit} · gained ${meta.range.from} → ${meta.range.to}`,
  postedInRange: (unit: string, meta: ReportMeta) => `${unit} · posted ${meta.range.from} → ${meta.range.to}`,
  now: (unit: string) => `${unit} · as of now`,
};

export function figures(list: readonly Figure[]): Html {
  return html`<div class="figures">${list.map(
    (f) =>
      html`<div class="figure" data-figure="${f.id}"><div class="value">${f.value}</div><div class="label">${f.label}</div><div class="basis">${f.basis}</div></div>`,
  )}</div>`;
}

export interface Column {
  label: string;
  /** Right-aligned, tabular digits. */
  num?: boolean;
}

export function table(
  columns: readonly Column[],
  rows: readonly (readonly Part[])[],
  id?: string,
  empty = "none",
): Html {
  if (rows.length === 0) return html`<p class="none"${id ? html` data-table="${id}"` : null}>${empty}</p>`;
  const cls = (c: Column) => (c.num ? "num" : null);
  return html`<div class="table-wrap"><table${id ? html` data-table="${id}"` : null}><thead><tr>${columns.map(
    (c) => html`<th${cls(c) ? html` class="num"` : null}>${c.label}</th>`,
  )}</tr></thead><tbody>${rows.map(
    (r) =>
      html`<tr>${r.map((cell, i) => html`<td${columns[i]?.num ? html` class="num"` : null}>${cell ?? "–"}</td>`)}</tr>`,
  )}</tbody></table></div>`;
}

export function section(title: string, ...content: Part[]): Html {
  return html`<section><h2>${title}</h2>${content}</section>`;
}

export function list(items: readonly Part[], cls?: string): Html {
  if (items.length === 0) return html`<p class="none">none</p>`;
  return html`<ul${cls ? html` class="${cls}"` : null}>${items.map((i) => html`<li>${i}</li>`)}</ul>`;
}

export function note(text: Part): Html {
  return html`<p class="note">${text}</p>`;
}

/** The report's caveats, shown next to the numbers they qualify. */
export function caveats(meta: ReportMeta): Html | null {
  if (meta.caveats.length === 0) return null;
  return html`<aside class="caveats" aria-label="Caveats"><h2>Read these figures with</h2><ul>${meta.caveats.map(
    (c) => html`<li data-caveat="${c.code}">${c.message}</li>`,
  )}</ul></aside>`;
}

function freshness(f: ReportMeta["freshness"]): string {
  if (!f.checked) return "Freshness: not checked.";
  if (f.checked_count === 0) return "Freshness: nothing to check (no scraped entity).";
  const oldest =
    `oldest scrape ${f.oldest_scraped_at ?? "never"}` +
    (f.oldest_age_hours === null ? "" : ` (${f.oldest_age_hours} h old)`);
  return `Freshness: ${oldest}; ${f.stale_count} of ${f.checked_count} stale (> 12 h)${f.is_stale ? " ⚠" : ""}.`;
}

function leftOut(e: ReportMeta["excluded"]): string {
  const pending =
    !e.pending_checked || e.pending_review === null
      ? "Pending videos: not checked"
      : `Left out: ${e.pending_review} pending_review video${e.pending_review === 1 ? "" : "s"}`;
  return `${pending}; excluded videos are never listed.`;
}

/** When, over what, how fresh, what was left out, what it cost, and the notes operators wrote. */
export function metaFooter(meta: ReportMeta): Html {
  const cost =
    `Cost: ${meta.request_count} API request${meta.request_count === 1 ? "" : "s"}` +
    (meta.api_generation === null
      ? "."
      : ` (${meta.api_generation === "legacy" ? "stats routes" : "/analytics fallback"}).`);
  const notes =
    meta.notes.length > 0
      ? html`<h3>Notes read</h3>${list(
          meta.notes.map((n) => html`<strong>${n.entity} ${n.name ?? n.id}</strong>: ${n.description}`),
        )}`
      : null;
  return html`<footer class="meta"><ul>
<li data-meta="range">Range ${meta.range.from} → ${meta.range.to}; computed as of ${meta.generated_at}.</li>
<li data-meta="freshness">${freshness(meta.freshness)}</li>
<li data-meta="excluded">${leftOut(meta.excluded)} ${meta.excluded.reason}</li>
<li data-meta="cost">${cost}</li></ul>${notes}
<p>Rendered by goatkit-proxy from the same report its JSON endpoint returns.</p></footer>`;
}

export interface PageContent {
  /** The workflow's title, e.g. "Campaign performance". */
  kind: string;
  title: string;
  meta: ReportMeta;
  figures: readonly Figure[];
  highlights: readonly string[];
  body: Part;
}

/** A whole report page: header, headline figures, caveats, highlights, the report's sections, footer. */
export function reportPage(content: PageContent): string {
  const { meta } = content;
  return document(
    content.title === content.kind ? content.title : `${content.title} · ${content.kind}`,
    html`<header class="page"><p class="kind">${content.kind}</p><h1>${content.title}</h1>
<p class="range">${meta.range.from} → ${meta.range.to} · as of ${fmt.day(meta.generated_at)}</p></header>
${figures(content.figures)}${caveats(meta)}
${content.highlights.length > 0 ? section("Highlights", list(content.highlights, "highlights")) : null}
${content.body}
${metaFooter(meta)}`,
  );
}

/** The HTML document around `body`. */
export function document(title: string, body: Html, bodyClass?: string): string {
  return `<!doctype html>${html`<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">
<meta name="referrer" content="no-referrer">
<title>${title}</title><style>${trusted(STYLE)}</style></head>
<body${bodyClass ? html` class="${bodyClass}"` : null}><main>${body}</main></body></html>`}\n`;
}
