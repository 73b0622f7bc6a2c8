/**
 * Drift mode over real HTTP: a drifted sandbox and a normal one with the same seed answer the same
 * requests, and every difference between the two is one the manifest lists (and the manifest's changes
 * all show). State never drifts: the truth and later answers are the same.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSandbox, startSandbox } from "../server.js";
import { NOW } from "../test-helpers/sandbox.js";
import { truthJson } from "../world/index.js";
import { DRIFT_TRACKING_MODE, DRIFT_TRACKING_STATUS } from "./index.js";

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
type Any = any;

const options = { now: NOW, scale: "tiny", rateLimit: false, dailyQuota: false, logErrors: false } as const;

async function call(sb: RunningSandbox, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { authorization: `Bearer ${sb.keys.readWrite}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${sb.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Any };
}

let normal: RunningSandbox;
let drifted: RunningSandbox;
let projectId: string;

beforeAll(async () => {
  [normal, drifted] = await Promise.all([startSandbox(options), startSandbox({ ...options, drift: true })]);
  projectId = (await call(drifted, "GET", "/projects")).json.data[0].id;
});
afterAll(async () => {
  await Promise.all([normal?.stop(), drifted?.stop()]);
});

const both = async (path: string) => {
  const [a, b] = await Promise.all([call(normal, "GET", path), call(drifted, "GET", path)]);
  return { normal: a, drifted: b };
};

describe("drift manifest", () => {
  it("is off by default, and on lists every kind of change with the routes that carry it", async () => {
    expect(normal.driftManifest).toEqual({ enabled: false, changes: [] });
    const { changes } = drifted.driftManifest;
    expect(new Set(changes.map((c) => c.kind))).toEqual(
      new Set(["renamed", "dropped", "unknown_enum", "shape"]),
    );
    for (const c of changes) expect(c.routes).toContain(c.route);
    // Deletes only show to a run that writes.
    const hidden = changes.filter((c) => !c.observable_read_only);
    expect(hidden.map((c) => c.resource)).toEqual(["delete_result"]);
    expect(hidden.every((c) => c.routes.every((r) => !r.startsWith("GET ")))).toBe(true);
  });

  it("is served by the operator endpoint", async () => {
    const res = await fetch(`${drifted.origin}/__sandbox/drift`);
    expect(await res.json()).toEqual(drifted.driftManifest);
    const off = await fetch(`${normal.origin}/__sandbox/drift`);
    expect(await off.json()).toEqual({ enabled: false, changes: [] });
  });

  it("leaves out the stats shapes on the current generation, where those routes answer 410", async () => {
    const current = await startSandbox({ ...options, drift: true, apiGeneration: "current" });
    try {
      const resources = current.driftManifest.changes.map((c) => c.resource);
      expect(resources).not.toContain("creator_stats");
      const creator = (await call(current, "GET", `/creators?project_id=${projectId}`)).json.data[0];
      const gone = await call(current, "GET", `/creators/${creator.id}/stats`);
      expect(gone.status).toBe(410);
      expect(gone.json.meta.code).toBe("gone");
    } finally {
      await current.stop();
    }
  });
});

describe("drifted responses", () => {
  it("creators: display_name served as nickname; the third creator of the project has an unknown tracking_mode", async () => {
    const r = await both(`/creators?project_id=${projectId}&limit=100`);
    expect(r.drifted.json.meta).toEqual(r.normal.json.meta);
    const expected = r.normal.json.data.map((c: Any, i: number) => {
      const { display_name, ...rest } = c;
      return { ...rest, nickname: display_name, ...(i === 2 ? { tracking_mode: DRIFT_TRACKING_MODE } : {}) };
    });
    expect(r.drifted.json.data).toEqual(expected);
    const one = await both(`/creators/${r.normal.json.data[2].id}`);
    expect(one.drifted.json.data).toEqual(expected[2]);
  });

  it("videos: description left out; the second and fifth video have an unknown tracking_status", async () => {
    const r = await both(`/videos?project_id=${projectId}&limit=10`);
    const expected = r.normal.json.data.map((v: Any, i: number) => {
      const { description: _, ...rest } = v;
      return i === 1 || i === 4 ? { ...rest, tracking_status: DRIFT_TRACKING_STATUS } : rest;
    });
    expect(r.drifted.json.data).toEqual(expected);
    // The same video drifts the same way wherever it is listed.
    const v = r.normal.json.data[1];
    const byCreator = await call(drifted, "GET", `/videos?creator_id=${v.creator_id}&limit=100`);
    expect(byCreator.json.data.find((x: Any) => x.id === v.id).tracking_status).toBe(DRIFT_TRACKING_STATUS);
    const manifest = drifted.driftManifest.changes.find((c) => c.field === "tracking_status")!;
    expect(manifest.items).toBeGreaterThanOrEqual(2);
  });

  it("campaigns: metadata left out", async () => {
    const r = await both(`/campaigns?project_id=${projectId}`);
    expect(r.drifted.json.data).toEqual(r.normal.json.data.map(({ metadata: _, ...rest }: Any) => rest));
  });

  it("stats: the Part B shapes, computed from the same numbers", async () => {
    const creators = (await call(normal, "GET", `/creators?project_id=${projectId}`)).json.data;
    const cs = await both(`/creators/${creators[0].id}/stats`);
    const a = cs.normal.json.data;
    const b = cs.drifted.json.data;
    expect(Object.keys(b).sort()).toEqual(
      ["creator_id", "from", "to", "total_video_views", "posting_frequency", "history"].sort(),
    );
    expect(b.total_video_views).toBe(a.total_video_views.at(-1).value);
    expect(typeof b.posting_frequency).toBe("number");
    expect(b.history[0]).toEqual({
      date: a.history[0].date,
      follower_count: a.history[0].follower_count,
      view_count: a.total_video_views.find((p: Any) => p.date === a.history[0].date)?.value ?? 0,
      like_count: a.history[0].total_likes_count,
      video_count: a.history[0].video_count,
    });

    const campaign = (await call(normal, "GET", `/campaigns?project_id=${projectId}`)).json.data[0];
    const ks = await both(`/campaigns/${campaign.id}/stats`);
    expect(Object.keys(ks.drifted.json.data.totals).sort()).toEqual(
      ["comment_count", "like_count", "share_count", "view_count"].sort(),
    );
    const top = ks.normal.json.data.top_videos[0];
    expect(ks.drifted.json.data.top_videos[0]).toEqual({
      video_id: top.id,
      title: top.title,
      url: top.url,
      view_count: top.view_count,
    });
    expect(ks.drifted.json.data.history).toEqual(ks.normal.json.data.history);

    const video = (await call(normal, "GET", `/videos?project_id=${projectId}`)).json.data[0];
    const vs = await both(`/videos/${video.id}/stats`);
    expect(vs.drifted.json.data).toEqual({
      series: vs.normal.json.data.history.map((h: Any) => ({ date: h.date, value: h.view_count })),
    });
    // A metric series is already Part B's form: untouched.
    const metric = await both(`/videos/${video.id}/stats?metric=engagement_rate_by_views`);
    expect(metric.drifted.json).toEqual(metric.normal.json);
  });

  it("errors and undrifted routes are untouched", async () => {
    const missing = await both("/creators/00000000-0000-4000-8000-000000000000");
    expect(missing.drifted).toEqual(missing.normal);
    const projects = await both("/projects");
    expect(projects.drifted.json).toEqual(projects.normal.json);
  });
});

describe("writes and state", () => {
  it("write answers drift too (deletes answer data: null), the state does not", async () => {
    const sb = await startSandbox({ ...options, drift: true });
    try {
      const created = await call(sb, "POST", `/projects/${projectId}/creators`, {
        tiktok_handle: "drift_probe",
      });
      expect(created.status).toBe(201);
      expect(created.json.data).not.toHaveProperty("display_name");
      expect(created.json.data).toHaveProperty("nickname", null);
      const deleted = await call(sb, "DELETE", `/creators/${created.json.data.id}`);
      expect(deleted.status).toBe(200);
      expect(deleted.json).toEqual({ data: null, error: null, meta: null });
      // The delete happened: the creator is gone.
      expect((await call(sb, "GET", `/creators/${created.json.data.id}`)).status).toBe(404);
      // The record itself keeps its display_name.
      const record = sb.state.world.creators.find((c) => c.id === created.json.data.id)!;
      expect(record).toHaveProperty("display_name", null);
    } finally {
      await sb.stop();
    }
  });

  it("an idempotent replay drifts like the first answer", async () => {
    const sb = await startSandbox({ ...options, drift: true });
    try {
      const send = () =>
        fetch(`${sb.url}/projects/${projectId}/campaigns`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${sb.keys.readWrite}`,
            "content-type": "application/json",
            "idempotency-key": "drift-replay",
          },
          body: JSON.stringify({ name: "Drift probe" }),
        });
      const first = await send();
      const again = await send();
      expect(again.headers.get("idempotent-replayed")).toBe("true");
      const [a, b] = [await first.text(), await again.text()];
      expect(b).toBe(a);
      expect(JSON.parse(a).data).not.toHaveProperty("metadata");
    } finally {
      await sb.stop();
    }
  });

  it("plants the same world and truth as a normal sandbox", () => {
    expect(truthJson(drifted.state.world)).toBe(truthJson(normal.state.world));
  });
});
