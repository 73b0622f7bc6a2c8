/**
 * Test helper: the sandbox on a real loopback port (`startSandbox`) and a tiny `fetch` wrapper, for
 * tests whose behaviour is HTTP (URL decoding, bodies as bytes). Limits that would get in the way of
 * many requests (per-key rate, daily quota) are off. Not shipped (excluded from the build).
 */
import { type RunningSandbox, startSandbox } from "../server.js";
import { NOW, readResponse } from "./sandbox.js";

export interface HttpResponse {
  status: number;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
  json: any;
}

export interface HttpSandbox {
  sandbox: RunningSandbox;
  /** `path` is relative to `/api/v1` and sent as written (no re-encoding); `body` is JSON-encoded unless a string. */
  call(method: string, path: string, body?: unknown): Promise<HttpResponse>;
  get(path: string): Promise<HttpResponse>;
  stop(): Promise<void>;
}

export async function httpSandbox(): Promise<HttpSandbox> {
  const sandbox = await startSandbox({ now: NOW, scale: "tiny", rateLimit: false, dailyQuota: false });
  const call = async (method: string, path: string, body?: unknown): Promise<HttpResponse> => {
    const headers: Record<string, string> = { authorization: `Bearer ${sandbox.keys.readWrite}` };
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(`${sandbox.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    return readResponse(res);
  };
  return { sandbox, call, get: (path) => call("GET", path), stop: () => sandbox.stop() };
}
