/**
 * Operator endpoints under `/__sandbox` (no API key, no faults, not counted): request counters, fault
 * settings, the planted truth and a health check. Anyone who can reach them can read the truth and break
 * the API on purpose, so they are guarded: only requests addressed to the sandbox's own host names get in
 * (DNS rebinding), a cross-site `Origin` is refused, a POST must be JSON (a hostile page's form cannot
 * switch on an outage), bodies are size- and depth-limited, and with `operatorToken` set the token is
 * required (`Authorization: Bearer …` or `X-Sandbox-Operator-Token`), compared in constant time.
 */
import { apiEnvelope, hostGuard, type ListenAddress, requireJson, tokenGuard } from "@goatkit/server";
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { checkFaultInput, type FaultInput } from "../state/faults.js";
import type { SandboxContext } from "./context.js";
import { fail } from "./envelope.js";

/** The header that may carry the operator token (besides `Authorization: Bearer`). */
export const OPERATOR_TOKEN_HEADER = "X-Sandbox-Operator-Token";

export interface OperatorGuardOptions {
  /** Where the sandbox listens, once it does (the Host check then requires its port). */
  listening: () => ListenAddress | undefined;
  /** Extra host names to accept (`"name"` or `"name:port"`). */
  allowedHosts?: readonly string[];
  /** Required in every operator request when set. */
  operatorToken?: string;
  /** The request body limits, shared with the API. */
  bodyLimits: MiddlewareHandler;
}

const badFaults = (c: Context, message: string) => fail(c, 400, "invalid_body", message);

export function operatorRoutes(ctx: SandboxContext, guard: OperatorGuardOptions): Hono {
  const { state, faults } = ctx;
  const app = new Hono();
  const startedAt = Date.now();
  const formatError = apiEnvelope;

  app.use("*", hostGuard({ formatError, allowedHosts: guard.allowedHosts, listening: guard.listening }));
  if (guard.operatorToken !== undefined) {
    app.use("*", tokenGuard({ formatError, token: guard.operatorToken, header: OPERATOR_TOKEN_HEADER }));
  }
  app.use("*", requireJson({ formatError }), guard.bodyLimits);

  app.get("/health", (c) =>
    c.json({
      status: "ok",
      seed: state.world.seed,
      scale: state.world.scale,
      asOf: state.world.now,
      now: state.clock.now().toISOString(),
      apiGeneration: ctx.apiGeneration,
      rateLimit: ctx.rateLimit,
      dailyQuota: ctx.dailyQuota,
      uptimeMs: Date.now() - startedAt,
    }),
  );

  app.get("/requests", (c) => c.json(state.requestLog.counts()));

  app.post("/requests/reset", (c) => {
    state.requestLog.reset();
    return c.json(state.requestLog.counts());
  });

  app.get("/faults", (c) => c.json(faults.settings));

  app.post("/faults", async (c) => {
    let input: unknown;
    try {
      input = JSON.parse(await c.req.text());
    } catch {
      return badFaults(c, "expected a JSON object of fault settings");
    }
    const problem = checkFaultInput(input);
    if (problem) return badFaults(c, problem);
    return c.json(faults.set(input as FaultInput));
  });

  app.get("/truth", (c) => c.json(state.world.truth));

  // Drift mode's manifest: what it changes in responses and which changes a read-only run can see.
  app.get("/drift", (c) => c.json(ctx.drift ?? { enabled: false, changes: [] }));

  return app;
}
