// The proxy's stores run core's shared CacheStore contract suite, which core keeps out of its published
// package (test-helpers/): it is aliased to core's source here, as core aliases the sandbox.
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
