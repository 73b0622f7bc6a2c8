/**
 * The two readers built from one field table: strict requires every documented field and closes enums
 * and objects; tolerant needs only the core fields, fills fallbacks, keeps unknown fields and unknown
 * enum values (reporting each to the collector around the parse).
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { core, documented, extension, openEnum, readers } from "./readers.js";
import { collectUnknownValues, type UnknownValue } from "./unknown-values.js";
import { StrictVideo, Video } from "./video.js";

const thing = readers({
  id: core(z.string()),
  count: core(z.number()),
  note: documented(z.string().nullable(), null),
  label: documented(z.string()),
  status: core(openEnum("thing.status", ["on", "off"])),
  extra: extension(z.string()),
});

const full = { id: "t1", count: 3, note: null, label: "L", status: "on" };

describe("readers()", () => {
  it("strict: every documented field required, no unknown fields, closed enums", () => {
    expect(thing.strict.parse(full)).toEqual(full);
    const { label: _, ...noLabel } = full;
    expect(thing.strict.safeParse(noLabel).error?.issues[0]?.path).toEqual(["label"]);
    const extra = thing.strict.safeParse({ ...full, colour: "red" });
    expect(extra.error?.issues[0]?.code).toBe("unrecognized_keys");
    expect(thing.strict.safeParse({ ...full, status: "paused" }).success).toBe(false);
    // extensions stay optional in both
    expect(thing.strict.parse({ ...full, extra: "x" }).extra).toBe("x");
  });

  it("tolerant: only core fields required; fallbacks fill, unknown fields pass", () => {
    const parsed = thing.tolerant.parse({ id: "t1", count: 3, status: "off", colour: "red" });
    expect(parsed).toEqual({ id: "t1", count: 3, status: "off", note: null, colour: "red" });
    expect(thing.tolerant.safeParse({ id: "t1", status: "on" }).error?.issues[0]?.path).toEqual(["count"]);
  });

  it("tolerant keeps an unknown enum value and reports it to the collector", () => {
    const seen: UnknownValue[] = [];
    const parsed = collectUnknownValues(
      (u) => seen.push(u),
      () => thing.tolerant.parse({ ...full, status: "paused" }),
    );
    expect(parsed.status).toBe("paused");
    expect(seen).toEqual([{ field: "thing.status", value: "paused" }]);
    // known values are not reported; outside a collector nothing breaks
    expect(
      collectUnknownValues(
        (u) => seen.push(u),
        () => thing.tolerant.parse(full),
      ).status,
    ).toBe("on");
    expect(seen).toHaveLength(1);
    expect(thing.tolerant.parse({ ...full, status: "x" }).status).toBe("x");
  });
});

describe("Video: one definition, two readers", () => {
  const video = {
    id: "v1",
    project_id: "p1",
    creator_id: "c1",
    tiktok_video_id: "7300",
    url: "https://www.tiktok.com/@a/video/7300",
    title: null,
    description: null,
    view_count: 5,
    like_count: 1,
    comment_count: 0,
    share_count: 0,
    save_count: 0,
    posted_at: "2026-03-01T18:00:00Z",
    tracking_status: "auto_tracked",
    last_scraped_at: null,
    tracking_enabled: true,
    metadata: {},
    created_at: "2026-03-01T19:00:00Z",
    updated_at: "2026-03-01T19:00:00Z",
  };

  it("a complete video passes both", () => {
    expect(StrictVideo.parse(video)).toEqual(video);
    expect(Video.parse(video)).toEqual(video);
  });

  it("a renamed field fails strict (missing and unknown) but passes tolerant", () => {
    const { title, ...rest } = video;
    const renamed = { ...rest, caption: title };
    const strict = StrictVideo.safeParse(renamed);
    expect(strict.success).toBe(false);
    expect(strict.error?.issues.map((i) => i.code).sort()).toEqual(["invalid_type", "unrecognized_keys"]);
    expect(Video.parse(renamed)).toMatchObject({ title: null, caption: null });
  });

  it("an unknown tracking_status fails strict, passes tolerant as the string sent", () => {
    const odd = { ...video, tracking_status: "archived" };
    expect(StrictVideo.safeParse(odd).success).toBe(false);
    expect(Video.parse(odd).tracking_status).toBe("archived");
  });
});
