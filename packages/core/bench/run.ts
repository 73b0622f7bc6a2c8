/**
 * Runs every bench module in this folder (each `bench/<name>.ts` exporting `bench<Name>()`, and
 * optionally `format<Name>Bench(result)`) one after the other, then prints a summary. Modules that do
 * not exist yet are skipped, so benches can be added without touching this file.
 * Usage: `pnpm bench` (in packages/core) or `npx tsx bench/run.ts`.
 */
import { readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

interface Outcome {
  module: string;
  fn: string;
  ms: number;
  ok: boolean | undefined;
  error?: string;
}

const here = dirname(fileURLToPath(import.meta.url));
// client first, then the rest alphabetically; not run.ts itself, nor scratch files starting with "_"
const files = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts" && !f.startsWith("_") && !f.endsWith(".d.ts"))
  .sort((a, b) => (a === "client.ts" ? -1 : b === "client.ts" ? 1 : a.localeCompare(b)));

const outcomes: Outcome[] = [];
for (const file of files) {
  const module = basename(file, ".ts");
  const mod = (await import(pathToFileURL(join(here, file)).href)) as Record<string, unknown>;
  const benches = Object.entries(mod).filter(
    (e): e is [string, () => Promise<unknown>] => /^bench[A-Z]/.test(e[0]) && typeof e[1] === "function",
  );
  for (const [fn, bench] of benches) {
    const started = performance.now();
    try {
      const result = await bench();
      const format = mod[`format${fn.slice("bench".length)}Bench`];
      console.log(
        typeof format === "function" ? format(result) : `${module}.${fn}: ${JSON.stringify(result, null, 2)}`,
      );
      const ok =
        typeof result === "object" && result !== null && "ok" in result ? Boolean(result.ok) : undefined;
      outcomes.push({ module, fn, ms: performance.now() - started, ok });
    } catch (err) {
      console.error(`${module}.${fn} failed:`, err);
      outcomes.push({ module, fn, ms: performance.now() - started, ok: false, error: String(err) });
      process.exitCode = 1;
    }
    console.log("");
  }
}

console.log("summary");
for (const o of outcomes) {
  const status = o.error ? "ERROR" : o.ok === undefined ? "done" : o.ok ? "OK" : "MISSED";
  console.log(`  ${`${o.module}.${o.fn}`.padEnd(32)} ${status.padEnd(7)} ${(o.ms / 1000).toFixed(1)} s`);
}
if (outcomes.length === 0) console.log("  (no bench modules found)");
