/** The write tools with --allow-writes and a read/write key: append, refuse on a changed version, merge. */
import { describe, expect, it } from "vitest";
import { withMcp } from "../test-helpers/harness.js";

const h = withMcp({ server: { allowWrites: true } });

describe("add_note", () => {
  it("appends a dated note below the existing notes, never replacing them", async () => {
    const list = await h().call("search_creators", { limit: 20 });
    const creator = (
      list.structured.items as { id: string; notes: string | null; notes_version: string }[]
    ).find((c) => c.notes)!;
    const before = h().sb.sandbox.state.world.creators.find((c) => c.id === creator.id)!.description!;
    const r = await h().call("add_note", {
      entity: "creator",
      id: creator.id,
      note: "Underperforming since March: follow up.",
      expected_notes_version: creator.notes_version,
    });
    expect(r.isError, r.text).toBe(false);
    const after = h().sb.sandbox.state.world.creators.find((c) => c.id === creator.id)!.description!;
    expect(after.startsWith(before.trim())).toBe(true);
    expect(after).toMatch(/\n\n\[2026-03-15, goatkit-mcp\] Underperforming since March: follow up\.$/);
    expect(r.structured).toMatchObject({
      written: true,
      previous_notes_version: creator.notes_version,
      notes_length: after.length,
    });
    expect(r.structured.notes_version).not.toBe(creator.notes_version);
  });

  it("refuses to write when the notes changed since they were read, and shows them", async () => {
    const list = await h().call("search_campaigns", { limit: 1 });
    const campaign = (list.structured.items as { id: string; notes_version: string }[])[0]!;
    const first = await h().call("add_note", { entity: "campaign", id: campaign.id, note: "First." });
    expect(first.isError, first.text).toBe(false);
    const stale = await h().call("add_note", {
      entity: "campaign",
      id: campaign.id,
      note: "Second, based on an old read.",
      expected_notes_version: campaign.notes_version,
    });
    expect(stale.isError).toBe(true);
    expect(stale.text).toMatch(/Not written: the campaign's notes changed since you read them/);
    expect(stale.text).toContain("First.");
    const notes = h().sb.sandbox.state.world.campaigns.find((c) => c.id === campaign.id)!.description;
    expect(notes).not.toContain("Second");
  });
});

describe("set_metadata", () => {
  it("merges keys into the current metadata (re-read first), and null removes a key", async () => {
    const video = h().sb.sandbox.state.world.videos.find((v) => v.tracking_status === "auto_tracked")!;
    const a = await h().call("set_metadata", {
      entity: "video",
      id: video.id,
      metadata: { content_type: "tutorial", score: 8 },
    });
    expect(a.isError, a.text).toBe(false);
    const b = await h().call("set_metadata", {
      entity: "video",
      id: video.id,
      metadata: { score: null, sentiment: "positive" },
    });
    expect(b.structured.metadata).toEqual({
      ...(video.metadata ?? {}),
      content_type: "tutorial",
      sentiment: "positive",
    });
    expect(b.structured.removed_keys).toEqual(["score"]);
    expect(h().sb.sandbox.state.world.videos.find((v) => v.id === video.id)!.metadata).toEqual(
      b.structured.metadata,
    );
  });

  it("an unknown id is a not-found error naming what to do", async () => {
    const r = await h().call("set_metadata", {
      entity: "creator",
      id: "00000000-0000-4000-8000-000000000000",
      metadata: { a: 1 },
    });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/Not found \(404\)/);
  });
});
