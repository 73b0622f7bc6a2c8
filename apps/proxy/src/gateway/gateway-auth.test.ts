/**
 * The gateway middleware in process, on a bare Hono app whose route shows what a downstream route sees:
 * the team key in place of the token, the token's name in `tokenName`, and refusals in the API's envelope.
 */
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import { type TokensFixture, tokensFixture } from "../test-helpers/tokens.js";
import { gatewayAuth } from "./gateway-auth.js";
import { TokenStore } from "./token-store.js";

const TEAM_KEY = `tga_${"7".repeat(64)}`;
let fixture: TokensFixture;
afterEach(async () => {
  await fixture?.cleanup();
});

async function appWithGateway() {
  fixture = await tokensFixture([
    { name: "alice", scope: "read" },
    { name: "bob", scope: "read-write" },
    { name: "carol", scope: "read", revoked: true },
  ]);
  const app = new Hono();
  const seen: { authorization?: string; tokenName?: string }[] = [];
  app.use(
    "*",
    gatewayAuth({ tokens: new TokenStore(fixture.path), teamKey: TEAM_KEY, publicPaths: ["/docs"] }),
  );
  app.all("*", (c) => {
    seen.push({ authorization: c.req.header("authorization"), tokenName: c.get("tokenName") });
    return c.json({ data: "ok", error: null, meta: null });
  });
  const call = (path: string, token?: string, method = "GET") =>
    app.request(path, { method, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
  return { app, seen, call };
}

describe("gatewayAuth", () => {
  it("swaps a valid token for the team key and names the token for the access log", async () => {
    const { seen, call } = await appWithGateway();
    const res = await call("/api/v1/projects", fixture.tokens.alice);
    expect(res.status).toBe(200);
    expect(seen).toEqual([{ authorization: `Bearer ${TEAM_KEY}`, tokenName: "alice" }]);
  });

  it.each([
    ["no Authorization", undefined, /^Missing proxy token: this proxy is a team gateway/],
    ["an unknown token", "gkp_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", /^Unknown proxy token/],
    ["a revoked token", "carol", /^Revoked proxy token/],
    ["a trackagoat key", TEAM_KEY, /^A trackagoat key is not accepted here/],
  ])("%s → 401 invalid_api_key in the envelope, nothing reaches the route", async (_, given, message) => {
    const { seen, call } = await appWithGateway();
    const token = given === "carol" ? fixture.tokens.carol : given;
    const res = await call("/api/v1/projects", token);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer realm="goatkit-proxy"/);
    const body = await res.json();
    expect(body).toMatchObject({ data: null, meta: { code: "invalid_api_key" } });
    expect(body.error).toMatch(message);
    expect(JSON.stringify(body)).not.toContain(TEAM_KEY);
    expect(seen).toEqual([]);
  });

  it("a malformed Authorization header → 401, never repeating it", async () => {
    const { seen, app } = await appWithGateway();
    const res = await app.request("/api/v1/projects", { headers: { authorization: "Basic c2VjcmV0" } });
    expect(res.status).toBe(401);
    const body = await res.text();
    expect(body).toMatch(/Malformed Authorization header/);
    expect(body).not.toContain("c2VjcmV0");
    expect(seen).toEqual([]);
  });

  it.each(["POST", "PUT", "PATCH", "DELETE"])(
    "%s with a read token → 403 insufficient_scope naming the scope it needs",
    async (method) => {
      const { seen, call } = await appWithGateway();
      const res = await call("/api/v1/creators/x", fixture.tokens.alice, method);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({
        data: null,
        error: "This action requires the 'read-write' scope. Granted: [read]",
        meta: { code: "insufficient_scope", required: "read-write", granted: ["read"] },
      });
      expect(seen).toEqual([]);
    },
  );

  it("a read-write token may write; HEAD and OPTIONS count as reads", async () => {
    const { seen, call } = await appWithGateway();
    expect((await call("/api/v1/creators/x", fixture.tokens.bob, "PATCH")).status).toBe(200);
    expect((await call("/api/v1/creators/x", fixture.tokens.alice, "HEAD")).status).toBe(200);
    expect((await call("/api/v1/creators/x", fixture.tokens.alice, "OPTIONS")).status).toBe(200);
    expect(seen.map((s) => s.tokenName)).toEqual(["bob", "alice", "alice"]);
  });

  it("public paths need no token and see no team key", async () => {
    const { seen, call } = await appWithGateway();
    expect((await call("/docs")).status).toBe(200);
    expect(seen).toEqual([{ authorization: undefined, tokenName: undefined }]);
  });
});
