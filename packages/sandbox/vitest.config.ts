// Shared test helpers of core (the CLI runner) are aliased to core's source: core keeps them out of its
// published package.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const coreTestHelpers = fileURLToPath(new URL("../core/src/test-helpers/", import.meta.url));

export default defineConfig({
  resolve: {
    conditions: ["@goatkit/source"],
    alias: [{ find: /^@goatkit\/core-test-helpers\/(.*)$/, replacement: `${coreTestHelpers}$1` }],
  },
  ssr: { resolve: { conditions: ["@goatkit/source"] } },
  test: { include: ["src/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 60_000 },
});
