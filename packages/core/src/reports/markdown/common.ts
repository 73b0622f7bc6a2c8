/**
 * Markdown building blocks shared by the report renderers: escaped table cells, tables, bullet lists
 * and the standard footer (range, freshness, what was left out, caveats, notes read, cost).
 * @module
 */
import type { ReportMeta } from "../schema/meta.js";

/** A table cell: pipes escaped and newlines flattened so one value cannot break the table. */
export function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  return String(value)
    .replace(/\|/g, "\\|")
    .replace(/\s*\n\s*/g, " ");
}

export function table(headers: string[], rows: Array<Array<string | number | null | undefined>>): string {
  if (rows.length === 0) return "_none_";
  const head = `| ${headers.join(" | ")} |`;
  const sep = `|${headers.map(() => "---").join("|")}|`;
  return [head, sep, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)].join("\n");
}

export function bullets(items: readonly string[]): string {
  return items.length === 0 ? "_none_" : items.map((s) => `- ${s}`).join("\n");
}

/** `@handle` or a fallback id. */
export function who(handle: string | null | undefined, id: string): string {
  return handle ? `@${handle}` : id;
}

/** Joins non-empty sections with blank lines. */
export function sections(...parts: Array<string | null | undefined | false>): string {
  return `${parts.filter((p): p is string => typeof p === "string" && p.length > 0).join("\n\n")}\n`;
}

const firstLine = (s: string, max = 160) => {
  const line =
    s
      .split("\n")
      .find((l) => l.trim().length > 0)
      ?.trim() ?? "";
  return line.length > max ? `${line.slice(0, max)}…` : line;
};

/** The freshness line: "not checked" is said as such, never as "0 stale". */
function freshnessLine(f: ReportMeta["freshness"]): string {
  if (!f.checked) return "- Freshness: not checked.";
  if (f.checked_count === 0) return "- Freshness: nothing to check (no scraped entity).";
  const oldest =
    `oldest scrape ${f.oldest_scraped_at ?? "never"}` +
    (f.oldest_age_hours === null ? "" : ` (${f.oldest_age_hours} h old)`);
  return `- Freshness: ${oldest}; ${f.stale_count} of ${f.checked_count} stale (> 12 h)${f.is_stale ? " ⚠" : ""}.`;
}

/** The left-out line: pending videos nobody looked for are "not checked", not "0". */
function leftOutLine(e: ReportMeta["excluded"]): string {
  const pending =
    !e.pending_checked || e.pending_review === null
      ? "Pending videos: not checked"
      : `Left out: ${e.pending_review} pending_review video${e.pending_review === 1 ? "" : "s"}`;
  return `- ${pending}; excluded videos are never listed.`;
}

/** The footer every report ends with. */
export function metaFooter(meta: ReportMeta): string {
  const lines = [
    `- Range ${meta.range.from} → ${meta.range.to}; computed as of ${meta.generated_at}.`,
    freshnessLine(meta.freshness),
    leftOutLine(meta.excluded),
    `- Cost: ${meta.request_count} API request${meta.request_count === 1 ? "" : "s"}` +
      (meta.api_generation === null
        ? "."
        : ` (${meta.api_generation === "legacy" ? "stats routes" : "/analytics fallback"}).`),
  ];
  const caveats =
    meta.caveats.length > 0 ? `**Caveats**\n${bullets(meta.caveats.map((c) => c.message))}` : null;
  const notes =
    meta.notes.length > 0
      ? `**Notes read**\n${bullets(meta.notes.map((n) => `${n.entity} ${n.name ?? n.id}: ${firstLine(n.description)}`))}`
      : null;
  return sections("---", lines.join("\n"), caveats, notes).trimEnd();
}
