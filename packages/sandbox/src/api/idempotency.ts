/**
 * `Idempotency-Key` on POST (api-contract A.1, §1.7): the first response is stored per (org, key) and
 * replayed byte for byte for 24 h (with `Idempotent-Replayed: true`); the key on another route, or with
 * another body, is 409 `idempotency_key_reused`.
 *
 * Whether a request changed state is not guessed from its status: write routes report it by committing
 * (state/commit.ts). A request that committed keeps its key, which replays the committed response, even
 * if something failed after the commit. A request that committed nothing releases its key when its
 * answer means "nothing was done" (400, 401, 403, 429, any 5xx), so fixing the request or retrying later
 * runs it for real; other answers (404, 409, 402, …) are stored like successes.
 */
import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { StoredResponse } from "../state/idempotency.js";
import { ApiError, badParams } from "./api-error.js";
import type { SandboxContext, SandboxCtx, SandboxEnv } from "./context.js";

const NOT_STORED = new Set([400, 401, 403, 429]);

export function idempotency(ctx: SandboxContext): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const key = c.req.header("idempotency-key");
    if (c.req.method !== "POST" || key === undefined) return next();
    if (key.length < 1 || key.length > 255) throw badParams("Idempotency-Key must be 1 to 255 characters");
    const orgId = c.get("auth").org.id;
    const route = `POST ${c.req.path}`;
    // HonoRequest caches the body, so the handler can still read it after this.
    const bodyHash = createHash("sha256")
      .update(await c.req.text())
      .digest("hex");
    const store = ctx.state.idempotency;
    const found = store.begin(orgId, key, route, bodyHash);
    switch (found.kind) {
      case "replay":
        return new Response(found.response.body, {
          status: found.response.status,
          headers: { "content-type": found.response.contentType, "idempotent-replayed": "true" },
        });
      case "other_route":
        throw new ApiError(
          409,
          "idempotency_key_reused",
          `Idempotency-Key was already used on another route (${found.route})`,
        );
      case "other_body":
        throw new ApiError(
          409,
          "idempotency_key_reused",
          "Idempotency-Key was already used with a different body",
        );
      case "in_flight":
        throw new ApiError(409, "conflict", "A request with this Idempotency-Key is still being processed");
    }
    try {
      await next();
    } catch (err) {
      // Hono turns errors into responses before they reach here; this is only for non-Error throws.
      const outcome = ctx.state.writes.outcome(c);
      if (outcome?.applied) store.complete(orgId, key, outcome.response);
      else store.abandon(orgId, key);
      throw err;
    }
    await settle(ctx, c, orgId, key);
  };
}

/** Keeps or releases the key of a request that has been answered. */
async function settle(ctx: SandboxContext, c: SandboxCtx, orgId: string, key: string): Promise<void> {
  const store = ctx.state.idempotency;
  const outcome = ctx.state.writes.outcome(c);
  if (outcome) {
    // The request changed state: never run it again. Replay what it committed, or, if applying the
    // change itself failed half-way (a bug), what the client was actually told.
    store.complete(orgId, key, outcome.applied ? outcome.response : await responseOf(c));
    return;
  }
  const status = c.res.status;
  if (status >= 500 || NOT_STORED.has(status)) {
    store.abandon(orgId, key);
    return;
  }
  store.complete(orgId, key, await responseOf(c));
}

async function responseOf(c: SandboxCtx): Promise<StoredResponse> {
  return {
    status: c.res.status,
    body: await c.res.clone().text(),
    contentType: c.res.headers.get("content-type") ?? "application/json",
  };
}
