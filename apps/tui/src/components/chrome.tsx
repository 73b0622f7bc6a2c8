/**
 * The frame around every screen: the demo banner, the breadcrumb title, the freshness line, the status
 * line (errors say what to do) and the footer of keys that matter here.
 * @module
 */
import type { ReportMeta } from "@goatkit/core";
import { Box, Text } from "ink";
import type { Status } from "../hooks/app-context.js";
import { fit } from "./text-utils.js";
import { tone } from "./theme.js";

export function Banner({ label, width }: { label: string; width: number }) {
  return (
    <Text inverse color={tone("banner")} bold>
      {fit(` DEMO DATA · ${label} · set TRACKAGOAT_API_KEY for your own org `, width)}
    </Text>
  );
}

export function TitleBar({
  crumbs,
  right,
  width,
}: {
  crumbs: readonly string[];
  right: string;
  width: number;
}) {
  const r = ` ${right}`;
  return (
    <Text bold>
      {fit(`goatkit › ${crumbs.join(" › ")}`, Math.max(10, width - r.length))}
      <Text color={tone("dim")}>{r}</Text>
    </Text>
  );
}

/** The freshness of the data on screen, from a report's meta; "not checked" says so, never "fresh". */
export function freshnessText(meta: ReportMeta | null, fallback: string): string {
  if (!meta) return fallback;
  const f = meta.freshness;
  const range = `range ${meta.range.from} → ${meta.range.to}`;
  if (!f.checked || f.is_stale === null)
    return `Freshness: not checked by this report · ${range} · as of ${meta.generated_at}`;
  const oldest = f.oldest_age_hours === null ? "never scraped" : `oldest scrape ${f.oldest_age_hours} h old`;
  return `Freshness: ${f.stale_count} of ${f.checked_count} stale (>12 h) · ${oldest} · ${range} · ${meta.request_count} requests`;
}

export function FreshnessLine({ text, stale, width }: { text: string; stale: boolean; width: number }) {
  return <Text color={tone(stale ? "warn" : "dim")}>{fit(text, width)}</Text>;
}

export function StatusLine({
  status,
  readOnly,
  width,
}: {
  status: Status | null;
  readOnly: string | null;
  width: number;
}) {
  return (
    <Box flexDirection="column">
      {readOnly ? <Text color={tone("warn")}>{fit(`Read-only key: ${readOnly}.`, width)}</Text> : null}
      {status ? (
        <Text color={tone(status.kind === "error" ? "bad" : "accent")}>{fit(status.text, width)}</Text>
      ) : null}
    </Box>
  );
}

export function Footer({ hints, width }: { hints: string; width: number }) {
  return <Text color={tone("dim")}>{fit(hints, width)}</Text>;
}
