import { describe, expect, it } from "vitest";
import { apiEnvelope, errorResponse, type FormatError } from "./format-error.js";

describe("error formatters", () => {
  it("apiEnvelope writes the API envelope", () => {
    const { body, contentType } = apiEnvelope(413, "payload_too_large", "too big");
    expect(JSON.parse(body)).toEqual({ data: null, error: "too big", meta: { code: "payload_too_large" } });
    expect(contentType).toMatch(/^application\/json/);
  });

  it("errorResponse uses whatever formatter the server passes (e.g. JSON-RPC)", async () => {
    const jsonRpc: FormatError = (status, code, message) => ({
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: null,
        error: { code: -32600, message, data: { status, code } },
      }),
      contentType: "application/json",
    });
    const res = errorResponse(jsonRpc, 405, "method_not_allowed", "no", { allow: "POST" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    expect(res.headers.get("content-type")).toBe("application/json");
    expect((await res.json()).error.data).toEqual({ status: 405, code: "method_not_allowed" });
  });
});
