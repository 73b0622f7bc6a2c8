/**
 * Routes the public docs name but do not describe (api-contract §3, §7.4, §11, §12): they exist, need
 * a valid key and the right scope like any other route, and then answer 501 `not_implemented`, so a
 * client can tell "the sandbox does not model this" from "no such route" (404).
 */
import { Hono } from "hono";
import { ApiError } from "./api-error.js";
import type { SandboxEnv } from "./context.js";

const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"];

/** Paths (Hono patterns) answered with 501, with the methods that do so. */
export const NOT_IMPLEMENTED: ReadonlyArray<{ methods: string[]; path: string; what: string }> = [
  { methods: ["POST"], path: "/projects", what: "Project writes" },
  { methods: ["PATCH", "DELETE"], path: "/projects/:id", what: "Project writes" },
  { methods: METHODS, path: "/organizations", what: "Organizations" },
  { methods: METHODS, path: "/organizations/*", what: "Organizations and members" },
  { methods: METHODS, path: "/invitations", what: "Invitations" },
  { methods: METHODS, path: "/invitations/*", what: "Invitations" },
  { methods: METHODS, path: "/api-keys", what: "API keys" },
  { methods: METHODS, path: "/api-keys/*", what: "API keys" },
  { methods: METHODS, path: "/admin", what: "Admin" },
  { methods: METHODS, path: "/admin/*", what: "Admin" },
  ...[
    "view-distribution",
    "outliers",
    "creator-leaderboard",
    "posting-consistency",
    "creator-scatter",
    "goal-compliance",
    "campaign-leaderboard",
    "member-overlap",
  ].map((name) => ({ methods: ["GET"], path: `/analytics/aggregate/${name}`, what: `Aggregate ${name}` })),
];

export function notImplementedRoutes(): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  for (const { methods, path, what } of NOT_IMPLEMENTED) {
    app.on(methods, path, () => {
      throw new ApiError(
        501,
        "not_implemented",
        `${what}: documented by trackagoat but not modelled by the sandbox`,
      );
    });
  }
  return app;
}
