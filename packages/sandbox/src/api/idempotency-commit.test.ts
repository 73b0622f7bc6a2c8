/**
 * Idempotency keys follow what a request committed, not its status: a request that changed nothing
 * releases its key (a retry runs again), a request that changed state keeps it and replays the
 * committed response, even if it failed after the commit.
 */
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { withBrokenSerialiser } from "../test-helpers/broken-serialiser.js";
import { firstOf, testSandbox } from "../test-helpers/sandbox.js";
import type { SandboxContext, SandboxEnv } from "./context.js";
import { errorHandler } from "./envelope.js";
import { idempotency } from "./idempotency.js";
import { commitOk } from "./routes/write.js";

describe("Idempotency-Key and committed writes", () => {
  it("the same failing create sent three times with one key creates nothing; the next try runs once", async () => {
    const sb = testSandbox({ logErrors: false });
    const project = firstOf(sb.state.world.projects, (p) => p.org_id === sb.orgA);
    const path = `/projects/${project.id}/campaigns`;
    const init = { body: { name: "Launch" }, headers: { "idempotency-key": "create-launch" } };
    const count = () => sb.state.campaigns.list(`project:${project.id}`).length;
    const before = count();
    for (let i = 0; i < 3; i++) {
      const res = await withBrokenSerialiser(() => sb.call("POST", path, init));
      expect([res.status, res.json.meta.code]).toEqual([500, "internal_error"]);
      expect(res.headers.get("idempotent-replayed")).toBeNull();
    }
    expect(count()).toBe(before);

    const created = await sb.call("POST", path, init);
    expect(created.status).toBe(201);
    const replay = await sb.call("POST", path, init);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.text).toBe(created.text);
    expect(count()).toBe(before + 1);
    expect((await sb.get(`/campaigns/${created.json.data.id}`)).status).toBe(200);
  });

  /** A tiny app behind the real idempotency middleware, with handlers that fail where told. */
  function harness() {
    const sb = testSandbox({ scale: "tiny", logErrors: false });
    const key = sb.state.apiKeys.get(sb.keys.readWrite)!;
    const app = new Hono<SandboxEnv>();
    app.onError(errorHandler(false));
    app.use("*", async (c, next) => {
      c.set("auth", { key, org: sb.state.org(key.org_id) });
      await next();
    });
    app.use("*", idempotency({ state: sb.state } as SandboxContext));
    const runs = { handler: 0, applied: 0 };
    app.post("/after-commit", (c) => {
      runs.handler++;
      commitOk(c, sb.state, { made: runs.handler }, () => runs.applied++, { status: 201 });
      throw new Error("failed after the commit");
    });
    app.post("/before-commit", () => {
      runs.handler++;
      throw new Error("failed before changing anything");
    });
    app.post("/apply-throws", (c) => {
      runs.handler++;
      return commitOk(c, sb.state, { made: true }, () => {
        runs.applied++;
        throw new Error("apply failed half-way");
      });
    });
    const post = async (path: string, idempotencyKey = "k") => {
      const res = await app.request(path, { method: "POST", headers: { "idempotency-key": idempotencyKey } });
      return { status: res.status, replayed: res.headers.get("idempotent-replayed"), text: await res.text() };
    };
    return { runs, post };
  }

  it("a request that committed and then failed keeps its key, which replays the committed response", async () => {
    const { runs, post } = harness();
    const first = await post("/after-commit");
    expect(first.status).toBe(500);
    for (let i = 0; i < 2; i++) {
      expect(await post("/after-commit")).toEqual({
        status: 201,
        replayed: "true",
        text: '{"data":{"made":1},"error":null,"meta":null}',
      });
    }
    expect(runs).toEqual({ handler: 1, applied: 1 });
  });

  it("a 5xx that committed nothing releases the key: every retry runs again", async () => {
    const { runs, post } = harness();
    for (let i = 0; i < 3; i++) expect((await post("/before-commit")).status).toBe(500);
    expect(runs).toEqual({ handler: 3, applied: 0 });
  });

  it("when applying the change itself throws, the key is kept and replays the 500 rather than run twice", async () => {
    const { runs, post } = harness();
    const first = await post("/apply-throws");
    expect(first.status).toBe(500);
    const again = await post("/apply-throws");
    expect(again).toEqual({ ...first, replayed: "true" });
    expect(runs).toEqual({ handler: 1, applied: 1 });
  });
});
