/**
 * Inline SVG charts for the report pages: a ranked bar chart (creators, campaigns), a column chart of a
 * daily or weekly series, and a progress bar towards a target. They draw the figures they are given and
 * scale with the page (viewBox, width 100 %); every chart has a text alternative (`aria-label`, and a
 * `<title>` per mark) and the page's table or figures beside it carry the same numbers.
 * @module
 */

import { type Html, html } from "./escape.js";
import { fmt } from "./format.js";

export interface Bar {
  label: string;
  value: number | null;
  /** The value as written beside the bar (default: `fmt.int`). */
  display?: string;
}

const W = 640;
const LABEL_W = 190;
const VALUE_W = 110;
const ROW_H = 26;

/** A label cut to fit its column: SVG text does not wrap. */
const fit = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Horizontal bars, longest first as given, with an optional reference line (e.g. a target) that sets the
 * scale when it is the largest value.
 */
export function barChart(options: {
  label: string;
  bars: readonly Bar[];
  reference?: { value: number; label: string } | undefined;
}): Html {
  const { bars, reference } = options;
  const values = bars.map((b) => b.value ?? 0);
  const max = Math.max(1, reference?.value ?? 0, ...values);
  const barW = W - LABEL_W - VALUE_W;
  const top = reference ? 18 : 4;
  const height = top + bars.length * ROW_H + 4;
  const x = (v: number) => LABEL_W + (Math.max(0, v) / max) * barW;
  const rows = bars.map((b, i) => {
    const y = top + i * ROW_H;
    const shown = b.display ?? fmt.int(b.value);
    const width = Math.max(b.value === null ? 0 : 1, x(b.value ?? 0) - LABEL_W);
    return html`<g class="bar-row"><title>${b.label}: ${shown}</title>
<text class="bar-label" x="${LABEL_W - 8}" y="${y + 17}" text-anchor="end">${fit(b.label, 26)}</text>
<rect class="bar" x="${LABEL_W}" y="${y + 4}" width="${width.toFixed(1)}" height="${ROW_H - 8}" rx="3"></rect>
<text class="bar-value" x="${(x(b.value ?? 0) + 6).toFixed(1)}" y="${y + 17}">${shown}</text></g>`;
  });
  const line = reference
    ? html`<g class="reference"><line x1="${x(reference.value).toFixed(1)}" x2="${x(reference.value).toFixed(1)}" y1="12" y2="${height}"></line>
<text x="${x(reference.value).toFixed(1)}" y="10" text-anchor="end">${reference.label}</text></g>`
    : null;
  return html`<div class="chart-wrap"><svg class="chart" viewBox="0 0 ${W} ${height}" role="img" aria-label="${options.label}" preserveAspectRatio="xMinYMin meet">${rows}${line}</svg></div>`;
}

export interface Point {
  /** A day or a week's Monday, YYYY-MM-DD. */
  date: string;
  value: number | null;
  /** A point whose value is incomplete (a partial week): drawn lighter. */
  partial?: boolean;
}

/** One column per point, with the largest value marked on the axis and the first and last dates below. */
export function columnChart(options: { label: string; points: readonly Point[]; unit: string }): Html {
  const { points } = options;
  const height = 150;
  const left = 56;
  const bottom = 20;
  const plotH = height - bottom - 12;
  const values = points.map((p) => p.value ?? 0);
  const max = Math.max(1, ...values);
  const min = Math.min(0, ...values);
  const span = max - min;
  const y = (v: number) => 12 + ((max - v) / span) * plotH;
  const step = (W - left) / Math.max(1, points.length);
  const columns = points.map((p, i) => {
    const v = p.value ?? 0;
    const top = Math.min(y(v), y(0));
    const h = Math.max(p.value === null ? 0 : 1, Math.abs(y(v) - y(0)));
    const cls = p.partial ? "col partial" : v < 0 ? "col negative" : "col";
    return html`<rect class="${cls}" x="${(left + i * step + step * 0.12).toFixed(1)}" y="${top.toFixed(1)}" width="${(step * 0.76).toFixed(1)}" height="${h.toFixed(1)}"><title>${p.date}: ${fmt.int(p.value)} ${options.unit}${p.partial ? " (partial)" : ""}</title></rect>`;
  });
  const first = points[0]?.date ?? "";
  const last = points.at(-1)?.date ?? "";
  return html`<div class="chart-wrap"><svg class="chart" viewBox="0 0 ${W} ${height}" role="img" aria-label="${options.label}" preserveAspectRatio="xMinYMin meet">
<line class="axis" x1="${left}" x2="${W}" y1="${y(0).toFixed(1)}" y2="${y(0).toFixed(1)}"></line>
<text class="axis-label" x="${left - 6}" y="${y(max) + 4}" text-anchor="end">${fmt.compact(max)}</text>
<text class="axis-label" x="${left - 6}" y="${y(0) + 4}" text-anchor="end">0</text>
${columns}
<text class="axis-label" x="${left}" y="${height - 4}">${first}</text>
<text class="axis-label" x="${W}" y="${height - 4}" text-anchor="end">${last}</text></svg></div>`;
}

/** A bar filled to `share` of a target (over 1 overflows to the end), with the target's 100 % marked. */
export function progressBar(options: { label: string; share: number | null; caption: string }): Html {
  const share = options.share ?? 0;
  // A little room past 100 %, so the target's mark is never on the edge.
  const scale = Math.max(1, share) * 1.04;
  const filled = (Math.max(0, share) / scale) * W;
  const mark = (1 / scale) * W;
  return html`<svg class="chart progress" viewBox="0 0 ${W} 34" role="img" aria-label="${options.label}" preserveAspectRatio="xMinYMin meet"><title>${options.caption}</title>
<rect class="track" x="0" y="6" width="${W}" height="18" rx="4"></rect>
<rect class="bar" x="0" y="6" width="${filled.toFixed(1)}" height="18" rx="4"></rect>
<line class="target" x1="${mark.toFixed(1)}" x2="${mark.toFixed(1)}" y1="0" y2="30"></line></svg>`;
}
