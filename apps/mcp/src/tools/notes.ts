/**
 * The write tools, listed only with `--allow-writes`: `add_note` appends a dated note to an entity's
 * notes (the API's `readme`, read back as `description`), and `set_metadata` sets keys of its metadata
 * object. Both re-read the entity right before writing, because the API replaces these fields whole:
 * writing without a fresh read would drop what a human or another agent added meanwhile. A key without
 * the write scope gets an error naming the scope.
 * @module
 */

import type { TrackagoatClient } from "@goatkit/core";
import { Campaign, Creator, Video } from "@goatkit/core/schema";
import { z } from "zod";
import { errorResult } from "../errors.js";
import { budgetedResult } from "./result.js";
import { notesVersion } from "./search.js";
import { jsonSchemaOf, parseArgs, type Tool } from "./tool.js";

const ENTITIES = ["creator", "video", "campaign"] as const;
type Entity = (typeof ENTITIES)[number];

const entityField = z.enum(ENTITIES).describe("Which kind of entity id is.");
const idField = z.string().min(1).describe("The entity's id (uuid), from a search_* tool or a report.");

const SCHEMAS = { creator: Creator, video: Video, campaign: Campaign } as const;

interface Current {
  description: string | null;
  metadata: Record<string, unknown>;
}

/** A fresh read, past the cache: the state the write is based on. */
async function reread(
  client: TrackagoatClient,
  entity: Entity,
  id: string,
  signal: AbortSignal,
): Promise<Current> {
  const { data } = await client.request(
    { method: "GET", path: `/${entity}s/${encodeURIComponent(id)}`, schema: SCHEMAS[entity] as never },
    { signal, cache: false },
  );
  const d = data as { description?: string | null; metadata?: Record<string, unknown> };
  return { description: d.description ?? null, metadata: d.metadata ?? {} };
}

async function patch(
  client: TrackagoatClient,
  entity: Entity,
  id: string,
  body: { readme?: string; metadata?: Record<string, unknown> },
  signal: AbortSignal,
): Promise<Current> {
  const options = { signal };
  const updated =
    entity === "creator"
      ? await client.creators.update(id, body, options)
      : entity === "video"
        ? await client.videos.update(id, body, options)
        : await client.campaigns.update(id, body, options);
  return { description: updated.description ?? null, metadata: updated.metadata ?? {} };
}

const NoteArgs = z.strictObject({
  entity: entityField,
  id: idField,
  note: z
    .string()
    .trim()
    .min(1)
    .max(4000)
    .describe("The note to append (markdown; e.g. an analysis summary). At most 4,000 characters."),
  expected_notes_version: z
    .string()
    .optional()
    .describe(
      "notes_version of the notes as you last read them (search_* tools and orient give it). If the notes changed " +
        "since, nothing is written and you get the current notes to reconsider.",
    ),
  as_of_day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .describe("Day to date the note with, YYYY-MM-DD. Default: today (UTC)."),
});

const NoteOutput = z.object({
  entity: z.enum(ENTITIES),
  id: z.string(),
  written: z.literal(true),
  previous_notes_version: z.string(),
  notes_version: z.string().describe("Version of the notes now, for a later add_note."),
  notes_length: z.number().describe("Characters in the notes now."),
  warning: z.string().nullable(),
});

export const addNoteTool: Tool = {
  name: "add_note",
  title: "Add a note",
  description:
    "Append a dated note to a creator's, video's or campaign's notes (trackagoat's readme, shown as Notes in the UI " +
    "and read by humans and later agent sessions), e.g. an analysis summary. The notes are re-read just before " +
    "writing and your note is appended, never replacing what is there; pass expected_notes_version to refuse the " +
    "write if they changed since you read them. Needs a key with the write scope. Cost: 2 requests.",
  toolset: "write",
  inputSchema: jsonSchemaOf(NoteArgs, "input"),
  outputSchema: jsonSchemaOf(NoteOutput, "output"),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  async run(rawArgs, ctx) {
    const args = parseArgs("add_note", NoteArgs, rawArgs);
    const client = ctx.server.client;
    const current = await reread(client, args.entity, args.id, ctx.signal);
    const before = notesVersion(current.description);
    if (args.expected_notes_version !== undefined && args.expected_notes_version !== before) {
      return errorResult(
        `Not written: the ${args.entity}'s notes changed since you read them (expected version ` +
          `${args.expected_notes_version}, now ${before}). Read them below; if your note still applies, call add_note ` +
          `again with expected_notes_version: "${before}".\n\nCurrent notes:\n${current.description?.trim() || "(empty)"}`,
      );
    }
    const day =
      args.as_of_day ?? ctx.server.defaultAsOf?.slice(0, 10) ?? new Date().toISOString().slice(0, 10);
    const stamped = `[${day}, goatkit-mcp] ${args.note}`;
    const existing = current.description?.trim() ?? "";
    const readme = existing ? `${existing}\n\n${stamped}` : stamped;
    const after = await patch(client, args.entity, args.id, { readme }, ctx.signal);
    const warning =
      args.expected_notes_version === undefined && existing
        ? "The entity already had notes: your note was appended below them (nothing was replaced). Pass expected_notes_version next time to be warned if they change between your read and the write."
        : null;
    return budgetedResult({
      structured: {
        entity: args.entity,
        id: args.id,
        written: true as const,
        previous_notes_version: before,
        notes_version: notesVersion(after.description),
        notes_length: after.description?.length ?? 0,
        warning,
      },
      format: "concise",
      render: (s) =>
        `Note appended to ${s.entity} ${s.id} (notes now ${s.notes_length} characters, version ${s.notes_version}).${s.warning ? `\n${s.warning}` : ""}`,
      more: () => "",
    });
  },
};

const MetadataArgs = z.strictObject({
  entity: entityField,
  id: idField,
  metadata: z
    .record(z.string(), z.unknown())
    .describe(
      'Keys to set, e.g. { "content_type": "tutorial", "engagement_score": 8.4 }. A null value removes that key (with merge).',
    ),
  merge: z
    .boolean()
    .default(true)
    .describe(
      "true (default): set these keys and keep the others (re-read first). false: replace the whole metadata object.",
    ),
});

const MetadataOutput = z.object({
  entity: z.enum(ENTITIES),
  id: z.string(),
  metadata: z.record(z.string(), z.unknown()),
  removed_keys: z.array(z.string()).describe("Keys that were there before and are gone now."),
});

export const setMetadataTool: Tool = {
  name: "set_metadata",
  title: "Set metadata",
  description:
    "Set keys of a creator's, video's or campaign's metadata (an arbitrary JSON object for agent-attached data: " +
    "classifications, scores, last analysis). Merges into the current object by default (re-read just before " +
    "writing); merge: false replaces it whole. Needs a key with the write scope. Cost: 2 requests (1 with merge: false).",
  toolset: "write",
  inputSchema: jsonSchemaOf(MetadataArgs, "input"),
  outputSchema: jsonSchemaOf(MetadataOutput, "output"),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  async run(rawArgs, ctx) {
    const args = parseArgs("set_metadata", MetadataArgs, rawArgs);
    const client = ctx.server.client;
    let next: Record<string, unknown> = args.metadata;
    let before: Record<string, unknown> = {};
    if (args.merge) {
      before = (await reread(client, args.entity, args.id, ctx.signal)).metadata;
      next = { ...before, ...args.metadata };
      for (const [k, v] of Object.entries(args.metadata)) if (v === null) delete next[k];
    }
    const after = await patch(client, args.entity, args.id, { metadata: next }, ctx.signal);
    const removed = Object.keys(before).filter((k) => !(k in after.metadata));
    return budgetedResult({
      structured: { entity: args.entity, id: args.id, metadata: after.metadata, removed_keys: removed },
      format: "concise",
      render: (s) =>
        `Metadata of ${s.entity} ${s.id} is now ${JSON.stringify(s.metadata)}${s.removed_keys.length ? ` (removed: ${s.removed_keys.join(", ")})` : ""}.`,
      more: () => "",
    });
  },
};

export function writeTools(): Tool[] {
  return [addNoteTool, setMetadataTool];
}
