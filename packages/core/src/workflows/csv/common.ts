/**
 * RFC 4180 CSV: one header row, CRLF line ends, fields quoted when they hold a comma, quote, CR or LF,
 * quotes doubled. Numbers are written as they are (fractions stay fractions), null as an empty field, so a
 * spreadsheet gets the values, not their rendering.
 * @module
 */

export type CsvValue = string | number | boolean | null | undefined;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const s = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : String(value);
  // A leading = + - @ would make a spreadsheet evaluate a formula; text fields get a quote-prefixed guard.
  const guarded = typeof value === "string" && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** A CSV document: the header row, then one row per record (each row as long as the header). */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<CsvValue>>): string {
  const lines = [header.map(csvField).join(",")];
  for (const row of rows) lines.push(header.map((_, i) => csvField(row[i])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** Rows from records: the header is `columns`, each row the records' values for those keys. */
export function recordsCsv<T>(columns: ReadonlyArray<keyof T & string>, records: readonly T[]): string {
  return toCsv(
    columns,
    records.map((r) => columns.map((c) => r[c] as CsvValue)),
  );
}
