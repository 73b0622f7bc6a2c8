/**
 * A stored entry back into an HTTP answer. Entries hold only the body bytes (core's `CacheEntry`, the
 * shape core's client stores too), so the answer is rebuilt the way the API sends a successful GET: 200,
 * `application/json`, plus `Age` (RFC 9111 §5.1) and the `Cache-Status` that says how it was found.
 * @module
 */
import type { CacheEntry } from "@goatkit/core";
import type { Bytes } from "../upstream/send.js";
import { type CacheStatusParts, cacheStatus, ttlSeconds } from "./cache-status.js";

/** The content type of every stored body: only JSON answers are stored. */
export const STORED_CONTENT_TYPE = "application/json";

/** The answer for `entry` at `now`, with `status` describing how it was served (its `ttl` is filled in). */
export function entryResponse(entry: CacheEntry, now: number, status: CacheStatusParts): Response {
  const ttl = ttlSeconds(entry.freshUntil, now);
  // The stored bytes as they are, with a plain headers object: @hono/node-server writes such a Response
  // straight to the socket (its "cached response" path: no web Headers, no body stream, no copy).
  // Stores hand out bytes on plain ArrayBuffers (a SharedArrayBuffer never gets into one).
  return new Response(entry.value as Bytes, {
    status: 200,
    headers: {
      "content-type": STORED_CONTENT_TYPE,
      age: String(Math.max(0, Math.floor((now - entry.storedAt) / 1000))),
      "cache-status": status === HIT ? `${HIT_STATUS}${ttl}` : cacheStatus({ ...status, ttl }),
    },
  });
}

/** The parts of a plain fresh hit: pass this very object for the common answer's precomputed prefix. */
export const HIT: CacheStatusParts = Object.freeze({ hit: true });
const HIT_STATUS = `${cacheStatus(HIT)}; ttl=`;
