/**
 * Test helpers: an in-process sandbox with a fixed as-of instant, a tiny request function over
 * `app.request`, and lookups of org A / org B fixtures. Not shipped (excluded from the build).
 */
import { createSandboxApp, type SandboxApp } from "../app.js";
import type { SandboxOptions } from "../options.js";

export const NOW = "2026-03-31T12:00:00Z";

export interface TestResponse {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
  json: any;
}

export interface RequestInit2 {
  key?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TestSandbox extends SandboxApp {
  call(method: string, path: string, init?: RequestInit2): Promise<TestResponse>;
  get(path: string, init?: RequestInit2): Promise<TestResponse>;
  orgA: string;
  orgB: string;
}

/** A sandbox for tests: fixed clock, no per-key limit (tests fire many requests) unless asked. */
export function testSandbox(options: SandboxOptions = {}): TestSandbox {
  const sb = createSandboxApp({ now: NOW, scale: "small", rateLimit: false, ...options });
  const call = async (method: string, path: string, init: RequestInit2 = {}): Promise<TestResponse> => {
    const headers: Record<string, string> = { ...init.headers };
    const key = init.key === undefined ? sb.keys.readWrite : init.key;
    if (key !== null) headers.authorization = `Bearer ${key}`;
    let body: string | undefined;
    if (init.body !== undefined) {
      body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
      headers["content-type"] = "application/json";
    }
    const res = await sb.app.request(path.startsWith("/__") ? path : `/api/v1${path}`, {
      method,
      headers,
      body,
    });
    return readResponse(res);
  };
  return {
    ...sb,
    call,
    get: (path, init) => call("GET", path, init),
    orgA: sb.state.apiKeys.get(sb.keys.readWrite)!.org_id,
    orgB: sb.state.apiKeys.get(sb.keys.orgB)!.org_id,
  };
}

/** The first record of a kind in an org, for tests that need "some creator of org A". */
/** A response's status, headers, text, and its JSON (`null` when the body is not JSON). */
export async function readResponse(res: Response): Promise<TestResponse> {
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export function firstOf<T>(items: Iterable<T>, predicate: (item: T) => boolean): T {
  for (const item of items) if (predicate(item)) return item;
  throw new Error("fixture not found");
}
