/**
 * Operator endpoints under `/__sandbox` (no auth, no faults, not counted): request counters, fault
 * settings, the planted truth and a health check. They are why the sandbox must listen on loopback only:
 * anyone who can reach them can read the truth and break the API on purpose.
 */
import { Hono } from "hono";
import { checkFaultInput, type FaultInput } from "../state/faults.js";
import type { SandboxContext } from "./context.js";

export function operatorRoutes(ctx: SandboxContext): Hono {
  const { state, faults } = ctx;
  const app = new Hono();
  const startedAt = Date.now();

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
      return c.json({ error: "expected a JSON object of fault settings" }, 400);
    }
    const problem = checkFaultInput(input);
    if (problem) return c.json({ error: problem }, 400);
    return c.json(faults.set(input as FaultInput));
  });

  app.get("/truth", (c) => c.json(state.world.truth));

  return app;
}
