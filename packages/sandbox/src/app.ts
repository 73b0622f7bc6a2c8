/**
 * `createSandboxApp()`: one in-process sandbox (a Hono app plus its own state, no port). The API lives
 * under `/api/v1` behind request-log → faults → auth → rate limits → scopes → idempotency; the operator
 * endpoints under `/__sandbox`. Errors anywhere become the envelope through one `onError`.
 */
import { Hono } from "hono";
import { authenticate, authorize } from "./api/auth.js";
import type { SandboxContext, SandboxEnv } from "./api/context.js";
import { errorHandler, notFoundHandler } from "./api/envelope.js";
import { faults } from "./api/faults.js";
import { idempotency } from "./api/idempotency.js";
import { notImplementedRoutes } from "./api/not-implemented.js";
import type { RouteRef } from "./api/openapi.js";
import { operatorRoutes } from "./api/operator.js";
import { rateLimit } from "./api/rate-limit.js";
import { requestLog } from "./api/request-log.js";
import { aggregateRoutes } from "./api/routes/aggregates.js";
import { analyticsRoutes } from "./api/routes/analytics.js";
import { annotationRoutes } from "./api/routes/annotations.js";
import { campaignRoutes } from "./api/routes/campaigns.js";
import { creatorRoutes } from "./api/routes/creators.js";
import { goalRoutes } from "./api/routes/goals.js";
import { payoutLedgerRoutes } from "./api/routes/payout-ledger.js";
import { payoutMethodRoutes } from "./api/routes/payout-methods.js";
import { payoutStructureRoutes } from "./api/routes/payout-structures.js";
import { projectRoutes } from "./api/routes/projects.js";
import { schemaRoutes } from "./api/routes/schema.js";
import { specRoutes } from "./api/routes/spec.js";
import { videoRoutes } from "./api/routes/videos.js";
import { checkOptions, DEFAULT_RATE_LIMIT, DEFAULT_SEED, type SandboxOptions } from "./options.js";
import { FaultController, type FaultInput, type FaultSettings } from "./state/faults.js";
import type { RequestCounts } from "./state/request-log.js";
import { SandboxState } from "./state/sandbox-state.js";
import { DEMO_KEYS, generateWorld } from "./world/index.js";
import type { PlantedTruth } from "./world/types.js";

/** The demo keys, flattened (they are fixed, whatever the seed). */
export interface SandboxKeys {
  /** Org A, scopes read + write. */
  readWrite: string;
  /** Org A, scope read. */
  readOnly: string;
  /** Org A, revoked (always 401). */
  revoked: string;
  /** Org B (a Starter org), read + write: for cross-org and plan-limit checks. */
  orgB: string;
}

export const SANDBOX_KEYS: SandboxKeys = {
  readWrite: DEMO_KEYS.orgA.readWrite,
  readOnly: DEMO_KEYS.orgA.readOnly,
  revoked: DEMO_KEYS.orgA.revoked,
  orgB: DEMO_KEYS.orgB.readWrite,
};

export interface SandboxApp {
  app: Hono;
  state: SandboxState;
  keys: SandboxKeys;
  truth: PlantedTruth;
  /** Request counters of /api/v1 since start or the last reset. */
  requests(): RequestCounts;
  resetRequests(): void;
  /** Merges fault settings (e.g. `{ errorRate: 0.5 }`, `{ outage: false }`); returns the result. */
  setFaults(faults: FaultInput): FaultSettings;
}

export function createSandboxApp(options: SandboxOptions = {}): SandboxApp {
  checkOptions(options);
  const seed = options.seed ?? DEFAULT_SEED;
  const world = options.world ?? generateWorld({ seed, scale: options.scale ?? "small", now: options.now });
  const state = new SandboxState(world, { seed });
  const ctx: SandboxContext = {
    state,
    faults: new FaultController(seed, options.faults),
    apiGeneration: options.apiGeneration ?? "legacy",
    rateLimit: options.rateLimit === undefined ? { ...DEFAULT_RATE_LIMIT } : options.rateLimit,
    dailyQuota: options.dailyQuota ?? true,
    logErrors: options.logErrors ?? true,
  };

  const api = new Hono<SandboxEnv>();
  api.use(
    "*",
    requestLog(ctx),
    faults(ctx),
    authenticate(ctx),
    rateLimit(ctx),
    authorize(),
    idempotency(ctx),
  );
  let routeRefs: RouteRef[] = [];
  for (const routes of [
    projectRoutes(ctx),
    creatorRoutes(ctx),
    videoRoutes(ctx),
    campaignRoutes(ctx),
    analyticsRoutes(ctx),
    annotationRoutes(ctx),
    aggregateRoutes(ctx),
    goalRoutes(ctx),
    payoutMethodRoutes(ctx),
    payoutStructureRoutes(ctx),
    payoutLedgerRoutes(ctx),
    schemaRoutes(),
    specRoutes(() => routeRefs),
  ]) {
    api.route("/", routes);
  }
  // The modelled routes, for the OpenAPI document; the 501 routes are mounted after taking the list.
  routeRefs = api.routes.filter((r) => r.method !== "ALL").map((r) => ({ method: r.method, path: r.path }));
  api.route("/", notImplementedRoutes());

  const app = new Hono();
  app.onError(errorHandler(ctx.logErrors));
  app.notFound(notFoundHandler);
  app.route("/__sandbox", operatorRoutes(ctx));
  app.route("/api/v1", api);

  return {
    app,
    state,
    keys: { ...SANDBOX_KEYS },
    truth: world.truth,
    requests: () => state.requestLog.counts(),
    resetRequests: () => state.requestLog.reset(),
    setFaults: (input) => ctx.faults.set(input),
  };
}
