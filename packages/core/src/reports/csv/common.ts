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
  // Kept on purpose: these CSVs are read in spreadsheets and their text (titles, handles, notes) is written
  // by third parties, so "=HYPERLINK(…)" in a title must not run, and "@mention …" titles must not fail as
  // formulas. A leading ' is the OWASP guard; a script reading the file drops it before = + - @ TAB CR.
  // Numbers are never guarded, so -3 stays -3.
  const guarded = typeof value === "string" && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/**
 * A CSV document: the header row, then one row per record. A row of another length than the header, or
 * an `undefined` value (reports write `null`), is a writer out of step with its report: it throws, since
 * padding would shift every later column of a spreadsheet without a trace.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<CsvValue>>): string {
  const lines = [header.map(csvField).join(",")];
  rows.forEach((row, n) => {
    if (row.length !== header.length)
      throw new Error(`CSV row ${n + 1} has ${row.length} values for ${header.length} columns`);
    const missing = row.indexOf(undefined);
    if (missing >= 0) throw new Error(`CSV row ${n + 1} has no value for column ${header[missing]}`);
    lines.push(row.map(csvField).join(","));
  });
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * Rows from records: the header is `columns`, each row the records' values for those keys. Reports write
 * `null`, never leave a key out, so a missing key is a renamed field: it throws rather than export a
 * silently empty column.
 */
export function recordsCsv<T extends object>(
  columns: ReadonlyArray<keyof T & string>,
  records: readonly T[],
): string {
  return toCsv(
    columns,
    records.map((r) =>
      columns.map((c) => {
        if (!Object.hasOwn(r, c)) throw new Error(`CSV column ${c} is not a field of the report's rows`);
        return r[c] as CsvValue;
      }),
    ),
  );
}
