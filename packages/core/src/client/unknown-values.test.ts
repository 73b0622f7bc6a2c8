/**
 * An enum value the docs do not name does not fail the page: the video list is read, the value kept,
 * one warning per (field, value) goes to the logger, and `client.unknownValues()` lists it with a count.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeVideo, testClient } from "../test-helpers/fixtures.js";
import { page, startTestServer, type TestServer } from "../test-helpers/server.js";
import type { Logger } from "./logger.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function spyLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, debug: () => {}, warn: (message) => warnings.push(message) };
}

describe("unknown enum values", () => {
  it("keeps them, warns once per (field, value), and lists them with counts", async () => {
    server.route(
      "GET /videos",
      page(
        [
          makeVideo(1),
          makeVideo(2, { tracking_status: "archived" }),
          makeVideo(3, { tracking_status: "archived" }),
          makeVideo(4, { tracking_status: "shadow_banned" }),
        ],
        null,
      ),
    );
    const logger = spyLogger();
    const tg = testClient(server.baseUrl, { logger });
    const videos = await tg.videos.list().toArray();
    expect(videos.map((v) => v.tracking_status)).toEqual([
      "auto_tracked",
      "archived",
      "archived",
      "shadow_banned",
    ]);
    await tg.videos.list().toArray(); // a second read: counted, not warned again
    expect(logger.warnings).toHaveLength(2);
    expect(logger.warnings[0]).toMatch(/video\.tracking_status "archived" is not a value the docs name/);
    expect(tg.unknownValues()).toEqual([
      { field: "video.tracking_status", value: "archived", count: 4, firstSeenIn: "GET /api/v1/videos" },
      { field: "video.tracking_status", value: "shadow_banned", count: 2, firstSeenIn: "GET /api/v1/videos" },
    ]);
  });

  it("falls back to debug for a logger without warn; each client keeps its own record", async () => {
    server.route("GET /videos", page([makeVideo(1, { tracking_status: "frozen" })], null));
    const lines: string[] = [];
    const tg = testClient(server.baseUrl, { logger: { debug: (m) => lines.push(m) } });
    await tg.videos.list();
    expect(lines.filter((l) => l.includes('"frozen"'))).toHaveLength(1);
    expect(testClient(server.baseUrl).unknownValues()).toEqual([]);
  });
});
