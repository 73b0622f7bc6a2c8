/**
 * Is upstream reachable? `GET <base>/schema` without a key: any HTTP status (a 401 included) proves that
 * something speaking HTTP answers at that address, and an unauthenticated request spends no key's budget.
 * Used at start (exit code 3 when it fails) and by `/readyz`.
 * @module
 */

export type ProbeResult = { reachable: true; status: number } | { reachable: false; reason: string };

export async function probeUpstream(
  base: string,
  options: { fetch?: typeof globalThis.fetch; timeoutMs?: number } = {},
): Promise<ProbeResult> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 5_000;
  try {
    const response = await fetchImpl(`${base}/schema`, {
      headers: { accept: "application/json" },
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel().catch(() => {});
    return { reachable: true, status: response.status };
  } catch (err) {
    const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
    const reason =
      (err as Error)?.name === "TimeoutError"
        ? `no answer within ${timeoutMs} ms`
        : typeof cause?.code === "string"
          ? cause.code
          : typeof cause?.message === "string"
            ? cause.message
            : String((err as Error)?.message ?? err);
    return { reachable: false, reason };
  }
}
