import { describe, expect, it } from "vitest";
import { isClientDisconnect } from "./disconnect.js";

const withCode = (code: string) => Object.assign(new Error(code), { code });

describe("isClientDisconnect", () => {
  it("recognises socket and parser errors, also as a cause", () => {
    for (const code of ["ECONNRESET", "EPIPE", "ERR_STREAM_PREMATURE_CLOSE", "HPE_INVALID_CHUNK_SIZE"]) {
      expect(isClientDisconnect(withCode(code))).toBe(true);
    }
    expect(isClientDisconnect(new Error("wrapped", { cause: withCode("ECONNRESET") }))).toBe(true);
    expect(isClientDisconnect(new DOMException("gone", "AbortError"))).toBe(true);
    expect(isClientDisconnect(Object.assign(new Error("x"), { name: "AbortError" }))).toBe(true);
  });

  it("a bug is not a disconnect", () => {
    expect(isClientDisconnect(new TypeError("undefined is not a function"))).toBe(false);
    expect(isClientDisconnect(withCode("ENOENT"))).toBe(false);
    expect(isClientDisconnect("string")).toBe(false);
  });

  it("a request whose socket is gone is a disconnect, whatever the error", () => {
    const incoming = { readableAborted: false, socket: { destroyed: true } } as never;
    expect(isClientDisconnect(new Error("Client connection prematurely closed."), incoming)).toBe(true);
  });
});
