/** clientErrorHandler on an http.Server of one's own: a slow client gets a 408 with the formatted body. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientErrorHandler, rawResponse, refusalFor } from "./client-error.js";
import { apiEnvelope } from "./format-error.js";
import { rawRequest } from "./test-helpers/http.js";

describe("clientErrorHandler", () => {
  it("answers a request that is not complete in time with 408 request_timeout and a body", async () => {
    const server = createServer(
      { headersTimeout: 300, requestTimeout: 300, connectionsCheckingInterval: 50 },
      (_req, res) => res.end("late"),
    );
    server.on("clientError", clientErrorHandler({ formatError: apiEnvelope }));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await rawRequest(port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
      expect(res.status).toBe(408);
      expect(JSON.parse(res.body)).toEqual({
        data: null,
        error: "The request was not received in time",
        meta: { code: "request_timeout" },
      });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it("maps parser errors to statuses and codes", () => {
    expect(refusalFor({ code: "HPE_HEADER_OVERFLOW" }, 8192)).toEqual({
      status: 431,
      code: "headers_too_large",
      message: "Request line and headers are larger than the 8 KiB limit",
    });
    expect(
      refusalFor({
        code: "HPE_INVALID_TRANSFER_ENCODING",
        reason: "Transfer-Encoding can't be present with Content-Length",
      }).message,
    ).toBe("Content-Length and Transfer-Encoding must not be sent together");
    expect(refusalFor({ code: "HPE_INVALID_METHOD", reason: "Invalid method encountered" })).toEqual({
      status: 400,
      code: "bad_request",
      message: "Malformed HTTP request: Invalid method encountered",
    });
  });

  it("writes a complete response with Content-Length in bytes", () => {
    expect(rawResponse(400, "é", "text/plain")).toBe(
      "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\né",
    );
  });
});
