/**
 * `createSandboxApp()`: one in-process sandbox (a Hono app plus its own state, no port). The API lives
 * under `/api/v1` behind request-log → Host check (on loopback) → body limits → faults → auth → rate
 * limits → scopes → (drift) → idempotency; the operator endpoints under `/__sandbox` behind their own guards.
 * Errors anywhere become the envelope through one `onError`; an unknown route is 404, a known path with
 * the wrong method 405 with `Allow`.
 */
import { apiEnvelope, bodyLimits, hostGuard, isLoopbackHost, type ListenAddress } from "@goatkit/server";
import { Hono, type MiddlewareHandler } from "hono";
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
import { createDriftPlan, type DriftManifest, driftOff, driftResponses } from "./drift/index.js";
import {
  checkOptions,
  DEFAULT_LIMITS,
  DEFAULT_RATE_LIMIT,
  DEFAULT_SEED,
  type SandboxOptions,
} from "./options.js";
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
  /** What drift mode changes in responses (`{ enabled: false, changes: [] }` without `drift`). */
  driftManifest: DriftManifest;
}

export function createSandboxApp(options: SandboxOptions = {}): SandboxApp {
  return buildSandbox(options, {});
}

/** What only `startSandbox` knows: where the app is served. Not public API. */
export interface SandboxInternals {
  /** The bound address and port once listening; undefined in process. */
  listening?: () => ListenAddress | undefined;
}

/**
 * The Host check for `/api/v1`: only while the sandbox listens on loopback, where every legitimate client
 * says `localhost`/`127.0.0.1`/`[::1]` and a foreign name means DNS rebinding (the demo keys are public).
 * Bound beyond loopback (a container, a LAN), clients reach the API by any name, so it accepts any Host;
 * in process there is no network at all.
 */
function apiHostCheck(
  listening: () => ListenAddress | undefined,
  allowedHosts: readonly string[] | undefined,
): MiddlewareHandler {
  const guard = hostGuard({ formatError: apiEnvelope, allowedHosts, listening, checkOrigin: false });
  return (c, next) => {
    const at = listening();
    return at && isLoopbackHost(at.host) ? guard(c, next) : next();
  };
}

export function buildSandbox(options: SandboxOptions, internals: SandboxInternals): SandboxApp {
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
  const drift = options.drift ? createDriftPlan(state, ctx.apiGeneration) : undefined;
  ctx.drift = drift?.manifest ?? driftOff();

  const listening = internals.listening ?? (() => undefined);
  const limits = bodyLimits({
    formatError: apiEnvelope,
    maxBytes: options.limits?.maxBodyBytes ?? DEFAULT_LIMITS.maxBodyBytes,
    maxDepth: options.limits?.maxJsonDepth ?? DEFAULT_LIMITS.maxJsonDepth,
  });

  const api = new Hono<SandboxEnv>();
  api.use(
    "*",
    requestLog(ctx),
    apiHostCheck(listening, options.allowedHosts),
    limits,
    faults(ctx),
    authenticate(ctx),
    rateLimit(ctx),
    authorize(),
  );
  // Outside the idempotency store, so a replayed answer drifts like the first one.
  if (drift) api.use("*", driftResponses(drift));
  api.use("*", idempotency(ctx));
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
  app.notFound(notFoundHandler(app));
  app.route(
    "/__sandbox",
    operatorRoutes(ctx, {
      listening,
      allowedHosts: options.allowedHosts,
      operatorToken: options.operatorToken,
      bodyLimits: limits,
    }),
  );
  app.route("/api/v1", api);

  return {
    app,
    state,
    keys: { ...SANDBOX_KEYS },
    truth: world.truth,
    requests: () => state.requestLog.counts(),
    resetRequests: () => state.requestLog.reset(),
    setFaults: (input) => ctx.faults.set(input),
    driftManifest: ctx.drift,
  };
}
