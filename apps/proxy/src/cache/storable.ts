/**
 * Whether an upstream answer to a GET may be stored. A stored entry is replayed as a 200 JSON envelope
 * (the entry has no room for a status or headers), so only 200s whose body is a JSON envelope qualify;
 * a cut-off body or an error must not be kept to fail again from the cache. Upstream's
 * `Cache-Control: no-store` is honoured.
 * @module
 */
import { isJsonContentType } from "@goatkit/server";
import type { UpstreamResponse } from "../upstream/send.js";

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * The envelope's `data` (for the entry's tags) when `response` may be stored, else `undefined`. Wrapped,
 * so that an envelope whose `data` is `null` is still storable.
 */
export function storableData(response: UpstreamResponse): { data: unknown } | undefined {
  if (response.status !== 200) return undefined;
  if (!isJsonContentType(response.headers.get("content-type") ?? "")) return undefined;
  if (/\bno-store\b/i.test(response.headers.get("cache-control") ?? "")) return undefined;
  try {
    const parsed: unknown = JSON.parse(decoder.decode(response.body));
    if (typeof parsed !== "object" || parsed === null || !("data" in parsed)) return undefined;
    return { data: (parsed as { data: unknown }).data };
  } catch {
    return undefined;
  }
}
