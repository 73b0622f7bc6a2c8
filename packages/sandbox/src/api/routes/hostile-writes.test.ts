/**
 * The reproduction over real HTTP: a body nested too deep to serialise back used to be applied
 * and then answered 500, after which every read of the record answered 500 until a restart. Whatever
 * the answer now (refused up front, or a 500 that changed nothing), the record and its lists stay as
 * they were and readable.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSandbox, startSandbox } from "../../server.js";
import { NOW } from "../../test-helpers/sandbox.js";

/** `{"metadata":{"deep":[[[…]]]}}`: valid JSON, far deeper than JSON.stringify can go back. */
const DEPTH = 20_000;
const deepBody = (extra: Record<string, unknown>) => {
  const head = JSON.stringify(extra).slice(0, -1);
  return `${head}${head.length > 1 ? "," : ""}"metadata":{"deep":${"[".repeat(DEPTH)}${"]".repeat(DEPTH)}}}`;
};

let sb: RunningSandbox;
let auth: Record<string, string>;
const api = (path: string, init: RequestInit = {}) =>
  fetch(`${sb.url}${path}`, {
    ...init,
    headers: { ...auth, "content-type": "application/json", ...(init.headers as Record<string, string>) },
  });

beforeAll(async () => {
  sb = await startSandbox({ now: NOW, scale: "tiny", rateLimit: false, logErrors: false });
  auth = { authorization: `Bearer ${sb.keys.readWrite}` };
});
afterAll(() => sb.stop());

describe("hostile bodies never break a write route", () => {
  it("PATCH /creators/{id} with a too-deep body: the creator is unchanged and still readable", async () => {
    const creator = (await (await api("/creators?limit=1")).json()).data[0];
    const res = await api(`/creators/${creator.id}`, { method: "PATCH", body: deepBody({ readme: "evil" }) });
    expect(res.status).toBeGreaterThanOrEqual(400);
    await res.arrayBuffer();
    const again = await api(`/creators/${creator.id}`);
    expect(again.status).toBe(200);
    expect((await again.json()).data).toEqual(creator);
    expect((await api("/creators?limit=100")).status).toBe(200);
  });

  it("POST /projects/{id}/campaigns with a too-deep body: no campaign appears, the list still reads", async () => {
    const project = (await (await api("/projects")).json()).data[0];
    const list = async () => {
      const r = await api(`/campaigns?project_id=${project.id}&limit=100`);
      expect(r.status).toBe(200);
      return (await r.json()).data;
    };
    const before = await list();
    for (let i = 0; i < 3; i++) {
      const res = await api(`/projects/${project.id}/campaigns`, {
        method: "POST",
        body: deepBody({ name: "Deep" }),
        headers: { "idempotency-key": "deep-1" },
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      await res.arrayBuffer();
    }
    expect(await list()).toEqual(before);
  });
});
