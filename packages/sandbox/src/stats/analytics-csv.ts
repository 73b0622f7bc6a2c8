/**
 * `GET /analytics?format=csv` (Part B §7.1): the same data as rows `series_kind,entity_id,label,bucket_start,value`
 * — main rows, then prior-period rows, then breakdown rows. Main and compare rows carry the entity id
 * and the labels `current` / `prior_period`; breakdown rows their entity_ref. A null value is an
 * empty cell. RFC 4180 quoting; `\n` line ends with a trailing newline.
 */
import type { StrictAnalytics as Analytics, SeriesPoint } from "@goatkit/core/schema";

export const ANALYTICS_CSV_HEADER = "series_kind,entity_id,label,bucket_start,value";

/** Quote a cell when it holds a delimiter, quote or line break. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function analyticsCsv(data: Analytics): string {
  const lines = [ANALYTICS_CSV_HEADER];
  const emit = (kind: string, id: string, label: string, points: readonly SeriesPoint[]) => {
    for (const p of points) {
      lines.push(
        [kind, csvCell(id), csvCell(label), p.bucket_start, p.value === null ? "" : String(p.value)].join(
          ",",
        ),
      );
    }
  };
  emit("main", data.entity_id, "current", data.series);
  if (data.compare_series) emit("compare", data.entity_id, "prior_period", data.compare_series);
  for (const b of data.breakdown_series ?? [])
    emit("breakdown", b.entity_ref.id, b.entity_ref.label, b.series);
  return `${lines.join("\n")}\n`;
}
