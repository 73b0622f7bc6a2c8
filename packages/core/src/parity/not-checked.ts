/**
 * What a read-only parity run cannot observe, whatever the API: said in every report, so a clean run
 * is never read as "the whole API matches".
 * @module
 */
import type { NotChecked } from "./report.js";

export const READ_ONLY_BLIND_SPOTS: readonly NotChecked[] = [
  {
    what: "Writes: POST, PATCH and DELETE bodies, status codes and answers (deletes included)",
    why: "a read-only run sends no write",
  },
  {
    what: "Idempotency: replays of an Idempotency-Key and 409 idempotency_key_reused",
    why: "only creates (POST) take the header",
  },
  {
    what: "Rate limits and the daily quota: 429 bodies, Retry-After, meta.retryAfter",
    why: "the run stays far under 60 requests a minute on purpose",
  },
  {
    what: "Scopes and plan limits: 403 insufficient_scope, 402 limit_reached and retention_exceeded",
    why: "they need another key, a write, or a range beyond the plan's history",
  },
  {
    what: "Pagination beyond the first page: cursors, list order, items on later pages",
    why: "the run reads one page per list",
  },
  {
    what: "Query validation: 400 invalid_query for a bad limit, date or enum",
    why: "the client checks parameters before sending, so it cannot send bad ones",
  },
  {
    what: "Records other than those sampled: other projects, and every creator, video and campaign but the first",
    why: "the request budget allows one of each",
  },
  {
    what: "Error bodies beyond status and meta: their data and error members",
    why: "the client reads error bodies itself and keeps status and meta",
  },
  {
    what: "The CSV export of /analytics, the /analytics/aggregate/* routes and the single-record GETs of payouts",
    why: "goatkit has no strict reader for them yet, and the budget goes to the routes the workflows read",
  },
];

/** The other generation's stats behaviour, which one API cannot show. */
export function otherGeneration(generation: "legacy" | "current" | "unknown"): NotChecked {
  if (generation === "current") {
    return {
      what: "The stats routes' answers (/creators/{id}/stats, /campaigns/{id}/stats, /videos/{id}/stats)",
      why: "this API answers them 410 Gone (current generation)",
    };
  }
  return {
    what: "410 Gone on the stats routes and its meta.replacement",
    why:
      generation === "legacy"
        ? "this API still serves the stats routes (legacy generation)"
        : "the stats routes were not asked",
  };
}
