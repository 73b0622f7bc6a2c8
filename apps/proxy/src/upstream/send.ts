/**
 * One exchange with the upstream API, read whole: status, headers and the body as bytes (bounded), within
 * one timeout that covers the body too. Every way upstream can fail to answer (refused or dropped
 * connection, timeout, an answer too big to hold) becomes an {@link UpstreamFailure}, so callers decide
 * between a stale answer and a 502/504, and nothing upstream does can crash the proxy.
 * @module
 */

/** Bytes on an ordinary ArrayBuffer: what `fetch` and `Response` take as a body. */
export type Bytes = Uint8Array<ArrayBuffer>;

/** An upstream answer, fully read. */
export interface UpstreamResponse {
  status: number;
  headers: Headers;
  body: Bytes;
}

export type UpstreamFailureKind = "timeout" | "unreachable" | "too_large";

/** Upstream gave no usable answer. The message never contains the URL's query or any header. */
export class UpstreamFailure extends Error {
  constructor(
    readonly kind: UpstreamFailureKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "UpstreamFailure";
  }
}

export interface SendOptions {
  fetch: typeof globalThis.fetch;
  /** Milliseconds for the whole exchange: connect, headers and body. */
  timeoutMs: number;
  /** Largest body kept; a larger one is an `UpstreamFailure("too_large")`. */
  maxBytes: number;
}

export interface UpstreamRequest {
  method: string;
  url: string;
  headers: Headers;
  body?: Bytes | undefined;
}

/**
 * @example
 * const res = await sendUpstream({ method: "GET", url, headers }, { fetch, timeoutMs: 30_000, maxBytes: 32 << 20 });
 */
export async function sendUpstream(
  request: UpstreamRequest,
  options: SendOptions,
): Promise<UpstreamResponse> {
  const timer = new AbortController();
  const handle = setTimeout(() => timer.abort(), options.timeoutMs);
  const where = `${request.method} ${new URL(request.url).pathname}`;
  try {
    const response = await options.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined || request.body.byteLength === 0 ? {} : { body: request.body }),
      redirect: "manual",
      signal: timer.signal,
    });
    const body = await readBounded(response, options.maxBytes, where);
    return { status: response.status, headers: response.headers, body };
  } catch (err) {
    if (err instanceof UpstreamFailure) throw err;
    if (timer.signal.aborted) {
      throw new UpstreamFailure(
        "timeout",
        `Upstream did not answer ${where} within ${options.timeoutMs} ms`,
        {
          cause: err,
        },
      );
    }
    throw new UpstreamFailure("unreachable", `Upstream failed on ${where}: ${describe(err)}`, { cause: err });
  } finally {
    clearTimeout(handle);
  }
}

async function readBounded(response: Response, maxBytes: number, where: string): Promise<Bytes> {
  const tooLarge = () =>
    new UpstreamFailure("too_large", `Upstream's answer to ${where} is larger than ${maxBytes} bytes`);
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(0);
  const chunks: Bytes[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value as Bytes);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** The error and its cause's code (`ECONNREFUSED`, `UND_ERR_SOCKET`), which say what actually happened. */
function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause as { code?: unknown; message?: unknown } | undefined;
  const code = typeof cause?.code === "string" ? ` [${cause.code}]` : "";
  const inner = typeof cause?.message === "string" && cause.message !== "" ? `: ${cause.message}` : "";
  return `${err.message}${inner}${code}`;
}
