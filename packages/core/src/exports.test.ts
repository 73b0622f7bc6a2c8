/**
 * The names `@goatkit/core` exports from its root. Every one is a promise to users: a new export, or one
 * gone, changes this snapshot, so it is a conscious change (update with `vitest -u` and say why).
 */
import { expect, it } from "vitest";
import * as core from "./index.js";

it("exports exactly the recorded names from the root", () => {
  const names = Object.keys(core).sort();
  expect(names.length).toBeGreaterThan(0);
  expect(names).toMatchSnapshot();
});
