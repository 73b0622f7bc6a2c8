import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { apiEnvelope } from "./format-error.js";
import { tokenGuard, tokensEqual } from "./token-guard.js";

const TOKEN = "s3cret-operator-token-123";

function app() {
  const a = new Hono();
  a.use("*", tokenGuard({ formatError: apiEnvelope, token: TOKEN, header: "x-operator-token" }));
  a.get("/", (c) => c.text("in"));
  return a;
}

describe("tokenGuard", () => {
  it("accepts the token as Bearer or in the named header", async () => {
    expect(await (await app().request("/", { headers: { authorization: `Bearer ${TOKEN}` } })).text()).toBe(
      "in",
    );
    expect(await (await app().request("/", { headers: { "x-operator-token": TOKEN } })).text()).toBe("in");
  });

  it("401 unauthorized without it or with a wrong one, with WWW-Authenticate", async () => {
    const cases: Record<string, string>[] = [
      {},
      { authorization: "Bearer nope" },
      { "x-operator-token": `${TOKEN}x` },
      { "x-operator-token": "" },
    ];
    for (const headers of cases) {
      const res = await app().request("/", { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe("Bearer");
      expect((await res.json()).meta.code).toBe("unauthorized");
    }
  });

  it("compares by digest (any lengths) and refuses an empty token at setup", () => {
    expect(tokensEqual("a", "a")).toBe(true);
    expect(tokensEqual("a", "ab")).toBe(false);
    expect(() => tokenGuard({ formatError: apiEnvelope, token: "" })).toThrow(/empty/);
  });
});
