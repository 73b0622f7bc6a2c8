/** Fitting text into terminal cells: truncation with an ellipsis and padding. @module */

export function fit(text: string, width: number, align: "left" | "right" = "left"): string {
  if (width <= 0) return "";
  const t = text.replace(/\s+/g, " ");
  const cut = t.length > width ? `${t.slice(0, Math.max(0, width - 1))}…` : t;
  return align === "right" ? cut.padStart(width) : cut.padEnd(width);
}

/** The first line of a note, for one-line places. */
export function firstLine(text: string | null | undefined): string {
  if (!text) return "";
  const line = text.split("\n").find((l) => l.trim() && !/^#+\s*$/.test(l)) ?? "";
  return line.replace(/^#+\s*/, "").trim();
}
