/**
 * Writes through the proxy against the sandbox over HTTP: they reach upstream with their body and
 * `Idempotency-Key`, come back as upstream sent them (replay header included), and invalidate exactly the
 * stored answers that showed what they touched: the entity, and every list page that listed it.
 */
import { afterEach, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../test-helpers/harness.js";

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

const json = { "content-type": "application/json" };
type Item = { id: string; description?: string | null; tiktok_handle?: string };

describe("writes", () => {
  it("a PATCH invalidates the entity and the list pages that showed it; other entries stay", async () => {
    h = await startHarness();
    const list = await (await h.call("/creators?limit=100")).json();
    const creator: Item = list.data[0];
    await h.call(`/creators/${creator.id}`);
    await h.call("/payout-methods");
    expect((await h.call("/creators?limit=100")).headers.get("cache-status")).toMatch(/^goatkit; hit/);

    const patch = await h.call(`/creators/${creator.id}`, {
      method: "PATCH",
      headers: json,
      body: JSON.stringify({ readme: "Edited through goatkit-proxy" }),
    });
    expect(patch.status).toBe(200);
    expect(patch.headers.get("cache-status")).toBe("goatkit; fwd=bypass");
    expect((await patch.json()).data.description).toBe("Edited through goatkit-proxy");

    const after = await h.call("/creators?limit=100");
    expect(after.headers.get("cache-status")).toBe("goatkit; fwd=miss; stored");
    const edited = (await after.json()).data.find((c: Item) => c.id === creator.id);
    expect(edited.description).toBe("Edited through goatkit-proxy");
    expect((await h.call(`/creators/${creator.id}`)).headers.get("cache-status")).toBe(
      "goatkit; fwd=miss; stored",
    );
    expect((await h.call("/payout-methods")).headers.get("cache-status")).toMatch(/^goatkit; hit/);
    expect(h.upstreamCount("PATCH /creators/{id}")).toBe(1);
  });

  it("a create passes its Idempotency-Key through: the replay comes back as upstream replays it", async () => {
    h = await startHarness();
    const projects = (await (await h.call("/projects")).json()).data as Item[];
    const projectId = projects[0]!.id;
    const listPath = `/creators?project_id=${projectId}&limit=100`;
    const before = (await (await h.call(listPath)).json()).data.length;

    const create = () =>
      h.call(`/projects/${projectId}/creators`, {
        method: "POST",
        headers: { ...json, "idempotency-key": "proxy-test-create-1" },
        body: JSON.stringify({ tiktok_handle: "goatkit_proxy_test" }),
      });
    const first = await create();
    expect(first.status).toBe(201);
    expect(first.headers.get("cache-status")).toBe("goatkit; fwd=bypass");
    const firstBody = await first.text();
    const replay = await create();
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.text()).toBe(firstBody);

    // The project's list was invalidated (its id is in the create's URL) and shows the creator once.
    const after = await h.call(listPath);
    expect(after.headers.get("cache-status")).toBe("goatkit; fwd=miss; stored");
    const handles = (await after.json()).data.map((c: Item) => c.tiktok_handle);
    expect(handles.filter((x: string) => x === "goatkit_proxy_test")).toHaveLength(1);
    expect(handles).toHaveLength(before + 1);
  });

  it("a write upstream refuses (4xx) changes nothing and invalidates nothing", async () => {
    h = await startHarness();
    const creator: Item = (await (await h.call("/creators?limit=100")).json()).data[0];
    const refused = await h.call(`/creators/${creator.id}`, {
      method: "PATCH",
      headers: json,
      body: JSON.stringify({ tiktok_handle: "not a valid handle!" }),
    });
    expect(refused.status).toBe(409);
    expect(refused.headers.get("cache-status")).toBe("goatkit; fwd=bypass");
    expect((await h.call("/creators?limit=100")).headers.get("cache-status")).toMatch(/^goatkit; hit/);
  });

  it("a read-only key's write is upstream's 403, passed through", async () => {
    h = await startHarness();
    const creator: Item = (await (await h.call("/creators?limit=1")).json()).data[0];
    const res = await h.call(`/creators/${creator.id}`, {
      key: h.sandbox.keys.readOnly,
      method: "PATCH",
      headers: json,
      body: JSON.stringify({ readme: "x" }),
    });
    expect(res.status).toBe(403);
    expect((await res.json()).meta.code).toBe("insufficient_scope");
  });
});
