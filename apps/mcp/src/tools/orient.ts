/**
 * `orient`: the first call of a session. What this key can see (projects with their notes), which API
 * generation answers, the client's own estimate of the rate budget left (an estimate: the API sends no
 * rate-limit headers), whether writes are on, and which tool answers which agent-guide question.
 * @module
 */
import { GoneError, type Project } from "@goatkit/core";
import { z } from "zod";
import { rateBudget, type ServerContext } from "../context.js";
import { budgetedResult, Truncation } from "./result.js";
import { notesVersion } from "./search.js";
import { jsonSchemaOf, parseArgs, READ_ONLY, responseFormatField, type Tool } from "./tool.js";

const MAX_PROJECTS = 100;

const Args = z.strictObject({ response_format: responseFormatField });

const Output = z.object({
  projects: z.array(
    z.object({ id: z.string(), name: z.string(), notes: z.string().nullable(), notes_version: z.string() }),
  ),
  projects_complete: z
    .boolean()
    .describe("false when the key sees more than 100 projects: page with search_projects."),
  api: z.object({
    base_url: z.string(),
    generation: z.enum(["legacy", "current", "unknown"]),
    generation_basis: z.string(),
  }),
  rate_budget: z.object({
    estimate: z.literal(true),
    paced: z.boolean(),
    requests_per_minute: z.number().nullable(),
    used_last_minute: z.number().nullable(),
    left_this_minute: z.number().nullable(),
    note: z.string(),
  }),
  writes_enabled: z.boolean(),
  default_as_of: z
    .string()
    .nullable()
    .describe("The analysis instant workflows use when as_of is left out (null: now)."),
  questions: z.array(z.object({ question: z.string(), tool: z.string() })),
  requests: z.number().describe("Upstream API requests this call sent."),
  truncation: Truncation,
});

export const QUESTIONS = [
  {
    question: "How is a campaign performing?",
    tool: "campaign_performance (campaign_comparison for several)",
  },
  { question: "Which creators underperform in a project?", tool: "underperforming_creators" },
  { question: "What content works in a campaign?", tool: "campaign_content" },
  { question: "How is a creator trending over time?", tool: "creator_trend" },
  { question: "What needs attention in a project?", tool: "program_health" },
];

/** One `/creators/{id}/stats` probe (410 on the current generation); remembered for the process. */
async function probeGeneration(ctx: ServerContext, signal: AbortSignal, onRequest: () => void) {
  if (ctx.apiGeneration)
    return { generation: ctx.apiGeneration, basis: "learnt from an earlier call in this server" };
  const first = await ctx.client.creators.list({ limit: 1 }, { signal, onRequest });
  const creator = first.data[0];
  if (!creator) return { generation: "unknown" as const, basis: "no creator to probe with" };
  const day = new Date().toISOString().slice(0, 10);
  try {
    await ctx.client.creators.stats(creator.id, { from: day, to: day }, { signal, onRequest });
    ctx.apiGeneration = "legacy";
  } catch (err) {
    if (!(err instanceof GoneError))
      return { generation: "unknown" as const, basis: `probe failed: ${(err as Error).message}` };
    ctx.apiGeneration = "current";
  }
  return {
    generation: ctx.apiGeneration,
    basis:
      ctx.apiGeneration === "legacy"
        ? "the per-entity /stats routes answer (first generation); workflows use them"
        : "the /stats routes answer 410 (current generation); workflows rebuild figures from /analytics and the lists",
  };
}

export const orientTool: Tool = {
  name: "orient",
  title: "Orient",
  description:
    "Call this first. Lists the projects this API key can see with their notes (instructions humans left for agents: " +
    "read them), which API generation answers, an estimate of the rate budget left (60 requests/minute per key), " +
    "whether write tools are on, and which tool answers which question. Cost: ceil(projects/100) requests plus a " +
    "2-request generation probe once per server process.",
  toolset: "context",
  inputSchema: jsonSchemaOf(Args, "input"),
  outputSchema: jsonSchemaOf(Output, "output"),
  annotations: READ_ONLY,
  async run(rawArgs, ctx) {
    const { response_format } = parseArgs("orient", Args, rawArgs);
    let requests = 0;
    const onRequest = () => {
      requests++;
    };
    const page = await ctx.server.client.projects.list(
      { limit: MAX_PROJECTS },
      { signal: ctx.signal, onRequest },
    );
    const generation = await probeGeneration(ctx.server, ctx.signal, onRequest);
    const projects = page.data.map((p: Project) => ({
      id: p.id,
      name: p.name,
      notes: p.description?.trim() || null,
      notes_version: notesVersion(p.description),
    }));
    const url = new URL(ctx.server.client.baseUrl);
    const structured = {
      projects,
      projects_complete: !page.hasMore,
      api: {
        base_url: `${url.origin}${url.pathname}`,
        generation: generation.generation,
        generation_basis: generation.basis,
      },
      rate_budget: rateBudget(ctx.server),
      writes_enabled: ctx.server.allowWrites,
      default_as_of: ctx.server.defaultAsOf ?? null,
      questions: QUESTIONS,
      requests,
    };
    return budgetedResult({
      structured,
      format: response_format,
      render: (s) => {
        const b = s.rate_budget;
        return [
          `${s.projects.length}${s.projects_complete ? "" : "+"} project${s.projects.length === 1 ? "" : "s"} visible to this key:`,
          ...s.projects.map((p) => `- ${p.name} (id ${p.id})${p.notes ? `\n  notes: ${p.notes}` : ""}`),
          "",
          `API: ${s.api.base_url}, generation ${s.api.generation} (${s.api.generation_basis}).`,
          b.paced
            ? `Rate budget (estimate, this server's own requests only): ${b.left_this_minute} of ${b.requests_per_minute} requests left this minute.`
            : "Rate budget: client-side pacing is off in this server.",
          s.writes_enabled
            ? "Write tools are on (add_note, set_metadata)."
            : "Read-only: write tools are off (start with --allow-writes).",
          ...(s.default_as_of
            ? [`Analysis day defaults to ${s.default_as_of} (the demo world's clock).`]
            : []),
          "",
          "Which tool answers what:",
          ...s.questions.map((q) => `- ${q.question} → ${q.tool}`),
          `(${s.requests} API request${s.requests === 1 ? "" : "s"})`,
        ].join("\n");
      },
      more: () => "Page through the projects with search_projects.",
    });
  },
};
