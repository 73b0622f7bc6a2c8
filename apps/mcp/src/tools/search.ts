/**
 * Bounded list-and-search tools for projects, campaigns, creators and videos. Each call reads at most
 * {@link MAX_PAGES} API pages, returns at most `limit` items (concise fields by default, the API's
 * full entity with `response_format: "detailed"`), and a `next_cursor` that resumes exactly after the
 * last item shown, even when the budget cut the page short.
 * @module
 */
import { createHash } from "node:crypto";
import type { Campaign, Creator, Page, Project, Video } from "@goatkit/core";
import { isStale, parseInstantMs } from "@goatkit/core/analysis";
import { z } from "zod";
import { BUDGETS, fitToBudget, type ResponseFormat } from "../budget.js";
import type { ServerContext } from "../context.js";
import { decodeCursor, encodeCursor, fingerprint, type Position } from "../cursor.js";
import { budgetedResult, Truncation } from "./result.js";
import {
  jsonSchemaOf,
  parseArgs,
  READ_ONLY,
  responseFormatField,
  type Tool,
  type ToolRunContext,
} from "./tool.js";

/** Most API pages one call reads (so its cost is bounded: at most this many requests). */
export const MAX_PAGES = 5;
const NOTE_PREVIEW = 200;

const common = {
  limit: z.number().int().min(1).max(50).default(20).describe("Most items to return, 1–50. Default 20."),
  cursor: z
    .string()
    .optional()
    .describe("next_cursor from the previous call with the same filters, to continue."),
  response_format: responseFormatField,
};
const query = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .describe(
    "Case-insensitive text to look for in the name and notes (description). Omit to list everything.",
  );
const projectId = z
  .string()
  .min(1)
  .optional()
  .describe("Only this project (uuid); see orient for the projects.");

const ListOutput = z.object({
  items: z.array(z.record(z.string(), z.unknown())),
  returned: z.number().describe("Items in this result."),
  next_cursor: z.string().nullable().describe("Pass as cursor to continue; null when the list is exhausted."),
  scanned: z.number().describe("Items the API returned to this call (matching or not)."),
  requests: z.number().describe("Upstream API requests this call sent (cache hits are free)."),
  truncation: Truncation,
});

/** A short, stable fingerprint of an entity's notes, for add_note's `expected_notes_version`. */
export function notesVersion(text: string | null | undefined): string {
  return createHash("sha256")
    .update(text ?? "")
    .digest("hex")
    .slice(0, 12);
}

function notes(text: string | null | undefined, format: ResponseFormat) {
  const t = text?.trim() ?? "";
  if (format === "detailed" || t.length <= NOTE_PREVIEW) return t || null;
  return `${t.slice(0, NOTE_PREVIEW)}… (${t.length} chars; response_format "detailed" shows all)`;
}

interface Spec<T> {
  name: string;
  title: string;
  description: string;
  filters: z.ZodRawShape;
  /** One page of the list at `cursor` with `pageSize` items, the API-side filters applied. */
  page(
    ctx: ToolRunContext,
    args: Record<string, unknown>,
    cursor: string | null,
    pageSize: number,
    onRequest: () => void,
  ): Promise<Page<T>>;
  /** Client-side filter (for text the API cannot search). */
  matches(item: T, args: Record<string, unknown>): boolean;
  /** Whether `matches` filters at all (then pages are read 100 at a time). */
  filtering(args: Record<string, unknown>): boolean;
  concise(item: T, ctx: { stale: Set<string>; format: ResponseFormat }): Record<string, unknown>;
  line(item: Record<string, unknown>): string;
  staleOf?(items: T[], asOfMs: number): Set<string>;
}

const text = (q: unknown, ...fields: (string | null | undefined)[]) =>
  typeof q !== "string" || fields.some((f) => f?.toLowerCase().includes(q.toLowerCase()));

function searchTool<T extends { id: string; description?: string | null | undefined }>(spec: Spec<T>): Tool {
  const Args = z.strictObject({ ...spec.filters, ...common });
  return {
    name: spec.name,
    title: spec.title,
    description: spec.description,
    toolset: "browse",
    inputSchema: jsonSchemaOf(Args, "input"),
    outputSchema: jsonSchemaOf(ListOutput, "output"),
    annotations: READ_ONLY,
    async run(rawArgs, ctx) {
      const args = parseArgs(spec.name, Args, rawArgs) as Record<string, unknown> & {
        limit: number;
        cursor?: string;
        response_format: ResponseFormat;
      };
      const { limit, cursor, response_format: format, ...filters } = args;
      const fp = fingerprint(spec.name, filters);
      const filtering = spec.filtering(filters);
      let pos: Position = cursor
        ? decodeCursor(spec.name, cursor, fp)
        : { c: null, s: 0, n: filtering ? 100 : Math.max(limit, 20) };
      let requests = 0;
      const onRequest = () => {
        requests++;
      };
      const found: { item: T; pos: Position }[] = [];
      let scanned = 0;
      let next: Position | null = null;
      for (let pages = 0; pages < MAX_PAGES; pages++) {
        const page = await spec.page(ctx, filters, pos.c, pos.n, onRequest);
        let i = pos.s;
        for (; i < page.data.length && found.length < limit; i++) {
          scanned++;
          if (spec.matches(page.data[i]!, filters))
            found.push({ item: page.data[i]!, pos: { ...pos, s: i } });
        }
        if (i < page.data.length) {
          next = { ...pos, s: i };
          break;
        }
        next = page.hasMore && page.nextCursor ? { c: page.nextCursor, s: 0, n: pos.n } : null;
        if (next === null || found.length >= limit) break;
        pos = next;
      }
      const asOfMs = parseInstantMs(ctx.server.defaultAsOf ?? new Date().toISOString()) ?? Date.now();
      const stale =
        spec.staleOf?.(
          found.map((f) => f.item),
          asOfMs,
        ) ?? new Set<string>();
      const items = found.map((f) =>
        format === "detailed"
          ? { ...(f.item as object), notes_version: notesVersion(f.item.description) }
          : spec.concise(f.item, { stale, format }),
      );
      // Fit the page itself first, so next_cursor can resume right after the last item shown.
      const fitted = fitToBudget({ items }, BUDGETS[format].structured - 250);
      const shown = fitted.value.items.length;
      if (shown < found.length) next = found[shown]!.pos;
      const structured = {
        items: fitted.value.items,
        returned: shown,
        next_cursor: next ? encodeCursor(next, fp) : null,
        scanned,
        requests,
      };
      return budgetedResult({
        structured,
        format,
        keep: ["items"],
        render: (s) =>
          [
            `${s.returned} ${spec.title.toLowerCase()} (scanned ${s.scanned}, ${s.requests} API request${s.requests === 1 ? "" : "s"}).`,
            ...s.items.map(spec.line),
            s.next_cursor
              ? `More: call ${spec.name} again with the same filters and cursor: "${s.next_cursor}".`
              : "End of the list.",
            ...(shown < found.length
              ? ["(This page was shortened to fit the context budget; next_cursor continues right after it.)"]
              : []),
          ].join("\n"),
        more: () => "Use next_cursor to continue.",
      });
    },
  };
}

const listOpts = (ctx: ToolRunContext, onRequest: () => void) => ({ signal: ctx.signal, onRequest });

const fmtInt = (n: unknown) => (typeof n === "number" ? n.toLocaleString("en-US") : "?");

export const searchProjects = searchTool<Project>({
  name: "search_projects",
  title: "Projects",
  description:
    "List the projects this key can see, optionally those whose name or notes contain query, with their notes " +
    "(instructions humans left for agents). orient already lists the first projects; use this to page or search. " +
    `Cost: 1 request per 100 projects scanned, at most ${MAX_PAGES} per call.`,
  filters: { query },
  page: (ctx, _a, cursor, n, onRequest) =>
    ctx.server.client.projects.list({ limit: n, cursor: cursor ?? undefined }, listOpts(ctx, onRequest)),
  matches: (p, a) => text(a.query, p.name, p.description),
  filtering: (a) => a.query !== undefined,
  concise: (p, { format }) => ({
    id: p.id,
    name: p.name,
    notes: notes(p.description, format),
    notes_version: notesVersion(p.description),
  }),
  line: (p) => `- ${p.name} (id ${p.id})${p.notes ? ` — notes: ${p.notes}` : ""}`,
});

export const searchCampaigns = searchTool<Campaign>({
  name: "search_campaigns",
  title: "Campaigns",
  description:
    "List campaigns (optionally of one project, or whose name or notes contain query) with their notes: strategy, " +
    "audience, benchmarks and analysis instructions. Use it to find campaign ids for campaign_performance, " +
    `campaign_content and campaign_comparison. Cost: 1 request per 100 campaigns scanned, at most ${MAX_PAGES} per call.`,
  filters: { project_id: projectId, query },
  page: (ctx, a, cursor, n, onRequest) =>
    ctx.server.client.campaigns.list(
      { project_id: a.project_id as string | undefined, limit: n, cursor: cursor ?? undefined },
      listOpts(ctx, onRequest),
    ),
  matches: (c, a) => text(a.query, c.name, c.description),
  filtering: (a) => a.query !== undefined,
  concise: (c, { format }) => ({
    id: c.id,
    project_id: c.project_id,
    name: c.name,
    target_views: c.target_views,
    target_at: c.target_at,
    created_at: c.created_at,
    notes: notes(c.description, format),
    notes_version: notesVersion(c.description),
  }),
  line: (c) =>
    `- ${c.name} (id ${c.id})${c.target_views ? ` · target ${fmtInt(c.target_views)} views` : ""}${c.notes ? ` — notes: ${c.notes}` : ""}`,
});

export const searchCreators = searchTool<Creator>({
  name: "search_creators",
  title: "Creators",
  description:
    "List creators (optionally of one project, or whose TikTok handle contains query, searched by the API) with " +
    "current snapshot counters, tracking mode, scrape freshness and their notes. Use it to find creator ids for " +
    "creator_trend; use underperforming_creators to rank a project. Counters are current snapshots, not gains. " +
    `Cost: 1 request per page, at most ${MAX_PAGES} per call.`,
  filters: {
    project_id: projectId,
    query: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe("Part of the TikTok handle (searched by the API). Omit to list everything."),
  },
  page: (ctx, a, cursor, n, onRequest) =>
    ctx.server.client.creators.list(
      {
        project_id: a.project_id as string | undefined,
        search: a.query as string | undefined,
        limit: n,
        cursor: cursor ?? undefined,
      },
      listOpts(ctx, onRequest),
    ),
  matches: () => true,
  filtering: () => false,
  staleOf: (items, asOfMs) =>
    new Set(items.filter((i) => isStale(i.last_scraped_at, asOfMs)).map((i) => i.id)),
  concise: (c, { stale, format }) => ({
    id: c.id,
    project_id: c.project_id,
    tiktok_handle: c.tiktok_handle,
    display_name: c.display_name,
    follower_count: c.follower_count,
    total_likes_count: c.total_likes_count,
    video_count: c.video_count,
    tracking_mode: c.tracking_mode,
    last_scraped_at: c.last_scraped_at,
    stale: c.last_scraped_at === null ? null : stale.has(c.id),
    notes: notes(c.description, format),
    notes_version: notesVersion(c.description),
  }),
  line: (c) =>
    `- @${c.tiktok_handle} (id ${c.id}) · ${fmtInt(c.follower_count)} followers · ${fmtInt(c.video_count)} videos · ${c.tracking_mode}` +
    `${c.stale ? " · STALE (> 12 h since scrape)" : ""}${c.notes ? ` — notes: ${c.notes}` : ""}`,
});

export const searchVideos = searchTool<Video>({
  name: "search_videos",
  title: "Videos",
  description:
    "List videos of a project or a creator (optionally whose title or notes contain query, or with one " +
    "tracking_status) with current snapshot counters and notes. Excluded videos are never listed by the API; " +
    "pending_review ones are listed but do not count in analytics. Use campaign_content for what works in a " +
    `campaign. Cost: 1 request per 100 videos scanned with a filter (else per page), at most ${MAX_PAGES} per call.`,
  filters: {
    project_id: projectId,
    creator_id: z.string().min(1).optional().describe("Only this creator's videos (uuid)."),
    query,
    tracking_status: z
      .enum(["auto_tracked", "pending_review", "included", "direct_add"])
      .optional()
      .describe("Only videos with this status (pending_review: waiting in the Tracking Inbox, not counted)."),
  },
  page: (ctx, a, cursor, n, onRequest) =>
    ctx.server.client.videos.list(
      {
        project_id: a.project_id as string | undefined,
        creator_id: a.creator_id as string | undefined,
        limit: n,
        cursor: cursor ?? undefined,
      },
      listOpts(ctx, onRequest),
    ),
  matches: (v, a) =>
    text(a.query, v.title, v.description) &&
    (a.tracking_status === undefined || v.tracking_status === a.tracking_status),
  filtering: (a) => a.query !== undefined || a.tracking_status !== undefined,
  staleOf: (items, asOfMs) =>
    new Set(items.filter((i) => isStale(i.last_scraped_at, asOfMs)).map((i) => i.id)),
  concise: (v, { stale, format }) => ({
    id: v.id,
    creator_id: v.creator_id,
    title: v.title,
    url: v.url,
    posted_at: v.posted_at,
    view_count: v.view_count,
    like_count: v.like_count,
    tracking_status: v.tracking_status,
    stale: v.last_scraped_at === null ? null : stale.has(v.id),
    notes: notes(v.description, format),
    notes_version: notesVersion(v.description),
  }),
  line: (v) =>
    `- ${v.title ?? "(untitled)"} (id ${v.id}) · ${fmtInt(v.view_count)} views · posted ${String(v.posted_at).slice(0, 10)} · ${v.tracking_status}` +
    `${v.notes ? ` — notes: ${v.notes}` : ""}`,
});

export function searchTools(): Tool[] {
  return [searchProjects, searchCampaigns, searchCreators, searchVideos];
}

export type { ServerContext };
