/**
 * The names each `@goatkit/core` entry exports (the root and every subpath in package.json "exports").
 * Every one is a promise to users: a new export, or one gone, changes a snapshot, so it is a conscious
 * change (update with `vitest -u` and say why in the changeset). Type-only exports are not listed:
 * they leave no runtime name.
 */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import * as analysis from "./analysis/index.js";
import * as root from "./index.js";
import * as reports from "./reports/index.js";
import * as schema from "./schema/index.js";

const entries: Record<string, object> = {
  ".": root,
  "./schema": schema,
  "./analysis": analysis,
  "./reports": reports,
};

it("tests every entry package.json exports", () => {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    exports: Record<string, unknown>;
  };
  const declared = Object.keys(pkg.exports).filter((k) => k !== "./package.json");
  expect(declared.sort()).toEqual(Object.keys(entries).sort());
});

it.each(Object.keys(entries))("exports exactly the recorded names from %s", (entry) => {
  const names = Object.keys(entries[entry] as object).sort();
  expect(names.length).toBeGreaterThan(0);
  expect(names).toMatchSnapshot();
});

it("keeps test-only scoring out of every entry", () => {
  for (const mod of Object.values(entries)) {
    for (const name of ["scoreSets", "gapKeys", "matchTotals", "gapKey", "outlierKey", "creatorDayKey"]) {
      expect(mod).not.toHaveProperty(name);
    }
  }
});

it("keeps generic math and calendar internals off the root", () => {
  for (const name of [
    "sum",
    "round",
    "selectKth",
    "topK",
    "plural",
    "DAY_MS",
    "isoWeekStart",
    "civilFromDays",
  ]) {
    expect(root).not.toHaveProperty(name);
  }
});
