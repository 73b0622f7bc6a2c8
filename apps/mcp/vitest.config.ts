// Tests may use core's unpublished test helpers (test-helpers/): they are aliased to core's source here.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const coreTestHelpers = fileURLToPath(new URL("../../packages/core/src/test-helpers/", import.meta.url));

export default defineConfig({
  resolve: {
    conditions: ["@goatkit/source"],
    alias: [{ find: /^@goatkit\/core-test-helpers\/(.*)$/, replacement: `${coreTestHelpers}$1` }],
  },
  ssr: { resolve: { conditions: ["@goatkit/source"] } },
  test: { include: ["src/**/*.test.ts"], testTimeout: 20_000 },
});
