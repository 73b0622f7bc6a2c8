/**
 * Team gateway mode end to end: a sandbox and the proxy on real ports, teammates calling with proxy
 * tokens. Teammates share one cache partition (the second pays nothing upstream), scopes hold before
 * anything reaches upstream, a revocation made with the tokens CLI lands without a restart, and the team
 * key never shows in an answer.
 */
import { fileURLToPath } from "node:url";
import { cliRunner } from "@goatkit/core-test-helpers/spawn-cli.js";
import { SANDBOX_KEYS } from "@goatkit/sandbox";
import { afterEach, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../test-helpers/harness.js";
import { type TokensFixture, tokensFixture } from "../test-helpers/tokens.js";

const run = cliRunner(fileURLToPath(new URL("../..", import.meta.url)));
const TEAM_KEY = SANDBOX_KEYS.readWrite;

let h: Harness;
let fixture: TokensFixture;
/** Every answer the test saw, as text (status line, headers and body), to look for the team key in. */
let seen: string[];

afterEach(async () => {
  await h?.stop();
  await fixture?.cleanup();
});

async function startGateway() {
  fixture = await tokensFixture([
    { name: "alice", scope: "read" },
    { name: "dave", scope: "read" },
    { name: "bob", scope: "read-write" },
  ]);
  h = await startHarness({ proxy: { gateway: { tokens: fixture.path, teamKey: TEAM_KEY } } });
  seen = [];
}

/** A request through the gateway with `token` (null: none), recorded for the leak check. */
async function as(token: string | null, path: string, init: RequestInit = {}, base = h.proxy.url) {
  const headers = new Headers(init.headers);
  if (token !== null) headers.set("authorization", `Bearer ${token}`);
  const res = await fetch(`${base}${path}`, { ...init, headers });
  const body = await res.text();
  seen.push(`${res.status}\n${headersText(res.headers)}\n\n${body}`);
  return { res, body, json: () => JSON.parse(body) };
}

function headersText(headers: Headers): string {
  const lines: string[] = [];
  headers.forEach((value, name) => {
    lines.push(`${name}: ${value}`);
  });
  return lines.join("\n");
}

function expectNoTeamKeyLeak() {
  expect(seen.length).toBeGreaterThan(0);
  for (const answer of seen) expect(answer).not.toContain(TEAM_KEY.slice(4));
}

describe("team gateway", () => {
  it("an unknown token, no token, or the team's own key → 401, and nothing reaches upstream", async () => {
    await startGateway();
    for (const token of [null, "gkp_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", TEAM_KEY]) {
      const { res, json } = await as(token, "/projects");
      expect(res.status).toBe(401);
      expect(json().meta.code).toBe("invalid_api_key");
    }
    const derived = await as(null, "/program_health?project_id=x", {}, `${h.proxy.origin}/goatkit/v1`);
    expect(derived.res.status).toBe(401);
    expect(h.upstreamCount()).toBe(0);
    expectNoTeamKeyLeak();
  });

  it("two teammates with read tokens share one cache entry: one upstream call, the second is a hit", async () => {
    await startGateway();
    const first = await as(fixture.tokens.alice!, "/projects");
    expect(first.res.status).toBe(200);
    expect(first.res.headers.get("cache-status")).toBe("goatkit; fwd=miss; stored");
    const second = await as(fixture.tokens.dave!, "/projects");
    expect(second.res.status).toBe(200);
    expect(second.res.headers.get("cache-status")).toMatch(/^goatkit; hit/);
    expect(second.body).toBe(first.body);
    expect(h.upstreamCount("GET /projects")).toBe(1);
    expect(h.upstreamCount()).toBe(1);

    // What a teammate stored is what a caller holding the team key directly would read: one partition.
    const cache = h.proxy.cache;
    const underTeamKey = await cache.lookup(cache.key("GET", `${h.sandbox.url}/projects`, TEAM_KEY));
    expect(underTeamKey.state).toBe("fresh");
    const underToken = await cache.lookup(
      cache.key("GET", `${h.sandbox.url}/projects`, fixture.tokens.alice!),
    );
    expect(underToken.state).toBe("miss");
    expectNoTeamKeyLeak();
  });

  it("a read token's PATCH → 403 insufficient_scope and nothing reaches upstream; read-write passes", async () => {
    await startGateway();
    const creator = (await as(fixture.tokens.alice!, "/creators?limit=1")).json().data[0];
    h.resetUpstream();
    const patch = (token: string) =>
      as(token, `/creators/${creator.id}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ readme: "Edited through the team gateway" }),
      });
    const refused = await patch(fixture.tokens.alice!);
    expect(refused.res.status).toBe(403);
    expect(refused.json()).toEqual({
      data: null,
      error: "This action requires the 'read-write' scope. Granted: [read]",
      meta: { code: "insufficient_scope", required: "read-write", granted: ["read"] },
    });
    expect(h.upstreamCount()).toBe(0);

    const allowed = await patch(fixture.tokens.bob!);
    expect(allowed.res.status).toBe(200);
    expect(allowed.res.headers.get("cache-status")).toBe("goatkit; fwd=bypass");
    expect(allowed.json().data.description).toBe("Edited through the team gateway");
    expect(h.upstreamCount("PATCH /creators/{id}")).toBe(1);
    expectNoTeamKeyLeak();
  });

  it("revoking with `goatkit-proxy tokens revoke` takes effect without a restart", {
    timeout: 60_000,
  }, async () => {
    await startGateway();
    expect((await as(fixture.tokens.alice!, "/projects")).res.status).toBe(200);
    const revoke = run(["tokens", "revoke", "alice", "--file", fixture.path]);
    expect(await revoke.exited).toBe(0);
    expect(revoke.stderr).toMatch(/Revoked "alice"/);
    // The gateway looks at the file at most once a second: poll rather than sleep a fixed time.
    await expect
      .poll(async () => (await as(fixture.tokens.alice!, "/projects")).res.status, {
        timeout: 5_000,
        interval: 200,
      })
      .toBe(401);
    const after = await as(fixture.tokens.alice!, "/projects");
    expect(after.json()).toMatchObject({ meta: { code: "invalid_api_key" } });
    expect(after.json().error).toMatch(/^Revoked proxy token/);
    // The others keep working.
    expect((await as(fixture.tokens.dave!, "/projects")).res.status).toBe(200);
    expectNoTeamKeyLeak();
  });

  it("derived routes run with the team key; ops and the OpenAPI document need no token", async () => {
    await startGateway();
    const project = (await as(fixture.tokens.alice!, "/projects")).json().data[0];
    const derived = `${h.proxy.origin}/goatkit/v1`;
    const report = await as(fixture.tokens.dave!, `/program_health?project_id=${project.id}`, {}, derived);
    expect(report.res.status).toBe(200);
    expect(report.json().data.meta.request_count).toBeGreaterThan(0);
    expect((await as(null, "/openapi.json", {}, derived)).res.status).toBe(200);
    for (const path of ["/healthz", "/readyz"]) {
      const ops = await as(null, path, {}, h.proxy.origin);
      expect(ops.res.status).toBe(200);
    }
    // Outside every route, in gateway mode: a token is asked for before anything else is said.
    expect((await as(null, "/nowhere", {}, h.proxy.origin)).res.status).toBe(401);
    expectNoTeamKeyLeak();
  });
});
