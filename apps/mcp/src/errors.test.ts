/**
 * Errors come back as isError results that say what to change — never a protocol error for a tool
 * that exists, a crashed server or a stack trace.
 */
import { describe, expect, it } from "vitest";
import { startMcp, withMcp } from "./test-helpers/harness.js";

const h = withMcp();

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe("bad arguments", () => {
  it("names a misspelt field and suggests the right one, before any request", async () => {
    const before = h().sb.sandbox.requests().total;
    const r = await h().call("underperforming_creators", { projet_id: "x" });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/projet_id: unknown param \(did you mean project_id\?\)/);
    expect(r.text).toMatch(/project_id: required/);
    expect(h().sb.sandbox.requests().total).toBe(before);
    noStack(r.text);
  });

  it("names a malformed date and a bad enum value", async () => {
    const r = await h().call("program_health", { project_id: "x", from: "2026-02-30" });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/- from: not a calendar day/);
    const f = await h().call("search_creators", { response_format: "short" });
    expect(f.isError).toBe(true);
    expect(f.text).toMatch(/- response_format:/);
  });

  it("says an unknown id was not found and where to find valid ids", async () => {
    const r = await h().call("campaign_performance", { campaign_id: "00000000-0000-4000-8000-000000000000" });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/campaign_id/);
    expect(r.text).toMatch(/search_\* tools/);
    const c = await h().call("creator_trend", { creator_id: "nope" });
    expect(c.isError).toBe(true);
    expect(c.text).toMatch(/creator_id/);
  });

  it("refuses a cursor from another search, naming the field", async () => {
    const first = await h().call("search_creators", { limit: 2 });
    const r = await h().call("search_videos", { cursor: first.structured.next_cursor });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/- cursor: /);
    const junk = await h().call("search_creators", { cursor: "%%%" });
    expect(junk.text).toMatch(/- cursor: not a cursor from this tool/);
  });

  it("names a section that is not a list of the report", async () => {
    const o = await h().call("orient");
    const project_id = (o.structured.projects as { id: string }[])[0]!.id;
    const r = await h().call("program_health", { project_id, section: "creators" });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/- section: not a list of this report; lists: .*over_posting\.incidents/);
  });

  it("answers an unknown tool with a protocol error and a write tool on a read-only server with what to do", async () => {
    await expect(h().client.callTool({ name: "drop_everything", arguments: {} })).rejects.toThrow(
      /Unknown tool drop_everything/,
    );
    const r = await h().call("add_note", { entity: "creator", id: "x", note: "hi" });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/read-only.*--allow-writes/);
  });
});

describe("API refusals", () => {
  it("a write with a read-only key names the missing scope, and nothing changes", async () => {
    const ro = await startMcp({ key: "readOnly", server: { allowWrites: true } });
    try {
      const creator = ro.sb.sandbox.state.world.creators[0]!;
      const before = creator.description;
      const r = await ro.call("add_note", { entity: "creator", id: creator.id, note: "Flagged for review." });
      expect(r.isError).toBe(true);
      expect(r.text).toMatch(/lacks the "write" scope/);
      expect(r.text).toMatch(/Nothing was changed/);
      expect(ro.sb.sandbox.state.world.creators[0]!.description).toBe(before);
      noStack(r.text);
    } finally {
      await ro.close();
    }
  });

  it("rate-limited: says how long to wait", async () => {
    const rl = await startMcp({ sandbox: { rateLimit: { perMinute: 2 } } });
    try {
      let last = await rl.call("search_projects");
      for (let i = 0; i < 4 && !last.isError; i++)
        last = await rl.call("search_creators", { query: `x${i}` });
      expect(last.isError).toBe(true);
      expect(last.text).toMatch(/Rate-limited by trackagoat \(429[^)]*\).*Wait \d+ s and call again/);
    } finally {
      await rl.close();
    }
  });

  it("a revoked key is explained, without echoing it", async () => {
    const revoked = await startMcp({ key: "revoked" });
    try {
      const r = await revoked.call("orient");
      expect(r.isError).toBe(true);
      expect(r.text).toMatch(/refused the API key \(401\)/);
      expect(r.text).not.toContain(revoked.sb.sandbox.keys.revoked);
      expect(r.text).not.toContain(revoked.sb.sandbox.keys.revoked.slice(4, 20));
    } finally {
      await revoked.close();
    }
  });
});
