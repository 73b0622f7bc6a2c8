// Core's tests run against source. The sandbox is aliased to its source rather than declared as a
// dependency: the sandbox depends on core, and a dependency back would make a package cycle.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    conditions: ["@goatkit/source"],
    alias: { "@goatkit/sandbox": fileURLToPath(new URL("../sandbox/src/index.ts", import.meta.url)) },
  },
  ssr: { resolve: { conditions: ["@goatkit/source"] } },
  test: { include: ["src/**/*.test.ts"], testTimeout: 20_000, hookTimeout: 60_000 },
});
