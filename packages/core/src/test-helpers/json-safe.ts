/**
 * Asserts a value is plain JSON data: no NaN or ±Infinity, no undefined inside arrays, no Dates, Maps,
 * Sets or class instances. Reports must survive `JSON.stringify` → `JSON.parse` unchanged, and a NaN
 * silently becomes `null` there, which is exactly the kind of lie this catches.
 */
export function findNonJson(value: unknown, path = "$"): string[] {
  const problems: string[] = [];
  const visit = (v: unknown, p: string) => {
    if (typeof v === "number") {
      if (!Number.isFinite(v)) problems.push(`${p} = ${v}`);
      return;
    }
    if (v === null || typeof v === "string" || typeof v === "boolean") return;
    if (v === undefined) {
      problems.push(`${p} is undefined`);
      return;
    }
    if (typeof v !== "object") {
      problems.push(`${p} is a ${typeof v}`);
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        visit(x, `${p}[${i}]`);
      });
      return;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) {
      problems.push(`${p} is a ${proto?.constructor?.name ?? "non-plain object"}`);
      return;
    }
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      // An undefined property vanishes in JSON; that is fine for optional fields.
      if (x !== undefined) visit(x, `${p}.${k}`);
    }
  };
  visit(value, path);
  return problems;
}

/** Throws with every offending path when `value` is not plain JSON data. */
export function assertJsonSafe(value: unknown): void {
  const problems = findNonJson(value);
  if (problems.length > 0) {
    throw new Error(`not JSON-safe:\n  ${problems.slice(0, 20).join("\n  ")}`);
  }
}
