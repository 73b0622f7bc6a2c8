/**
 * Test helper: makes JSON.stringify throw on every success envelope (`{ data, error: null, meta }`)
 * while `run` runs, as a serialiser that cannot encode a response would. Error envelopes and everything
 * else still serialise, so the 500 that follows reaches the client. Not shipped (excluded from the build).
 */
import { vi } from "vitest";

const realStringify = JSON.stringify;

const isSuccessEnvelope = (value: unknown) =>
  typeof value === "object" &&
  value !== null &&
  "data" in value &&
  (value as { error?: unknown }).error === null;

export async function withBrokenSerialiser<T>(run: () => Promise<T>): Promise<T> {
  const spy = vi.spyOn(JSON, "stringify").mockImplementation(((value: unknown, ...rest: never[]) => {
    if (isSuccessEnvelope(value))
      throw new RangeError("Maximum call stack size exceeded (injected by a test)");
    return realStringify(value, ...rest);
  }) as typeof JSON.stringify);
  try {
    return await run();
  } finally {
    spy.mockRestore();
  }
}
