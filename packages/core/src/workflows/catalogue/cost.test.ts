/**
 * Each workflow's description states its cost in ceil(n/100) terms; this checks those formulas against
 * the requests the sandbox counted, with n read from the lists by a separate client. A list costs at
 * least one request even when it is empty.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Campaign } from "../../schema/campaign.js";
import type { Project } from "../../schema/project.js";
import { withSandbox } from "../../test-helpers/sandbox.js";
import { fetchAll } from "../fetch.js";
import { getWorkflow, type WorkflowName } from "./catalogue.js";

const sandbox = withSandbox();
const pages = (n: number) => Math.max(1, Math.ceil(n / 100));

let project: Project;
let projects: Project[];
let campaigns: Campaign[];
let creatorCount: number;
let videoCount: number;
let asOf: string;

beforeAll(async () => {
  const { client, sandbox: sb } = sandbox();
  asOf = sb.truth.as_of;
  projects = await fetchAll(client.projects.list({ limit: 100 }));
  project = projects[0]!;
  campaigns = await fetchAll(client.campaigns.list({ project_id: project.id, limit: 100 }));
  creatorCount = (await fetchAll(client.creators.list({ project_id: project.id, limit: 100 }))).length;
  videoCount = (await fetchAll(client.videos.list({ project_id: project.id, limit: 100 }))).length;
});

/** Pages of every campaign's item list in the tree under `rootId`, each campaign once. */
async function treeItemPages(rootId: string): Promise<number> {
  const { client } = sandbox();
  const seen = new Set([rootId]);
  const queue = [rootId];
  let total = 0;
  while (queue.length > 0) {
    const id = queue.shift()!;
    const items = await fetchAll(client.campaigns.items(id, { limit: 100 }));
    total += pages(items.length);
    for (const item of items)
      if (item.item_type === "campaign" && !seen.has(item.item_id)) {
        seen.add(item.item_id);
        queue.push(item.item_id);
      }
  }
  return total;
}

/** Runs a workflow on a fresh client and returns what the sandbox counted (and checks the report agrees). */
async function cost(name: WorkflowName, params: Record<string, unknown>): Promise<number> {
  const h = sandbox();
  const client = h.newClient();
  h.sandbox.resetRequests();
  const report = await getWorkflow(name).run(client, { as_of: asOf, ...params } as never);
  const counted = h.sandbox.requests().total;
  expect(
    (report.meta as { requests?: number; request_count?: number }).requests ??
      (report.meta as { request_count?: number }).request_count,
  ).toBe(counted);
  return counted;
}

describe("cost formulas in the descriptions (legacy API)", () => {
  it("campaign_performance: ceil(campaigns/100) + 1 + tree items + ceil(creators/100) + ceil(videos/100)", async () => {
    // A campaign with sub-campaigns, so the formula's tree walk covers more than one item list.
    const { client } = sandbox();
    let c = campaigns[0]!;
    for (const x of campaigns) {
      const items = await fetchAll(client.campaigns.items(x.id, { limit: 100 }));
      if (items.some((i) => i.item_type === "campaign")) {
        c = x;
        break;
      }
    }
    const expected =
      pages(campaigns.length) + 1 + (await treeItemPages(c.id)) + pages(creatorCount) + pages(videoCount);
    expect(await cost("campaign_performance", { campaign_id: c.id, project_id: project.id })).toBe(expected);
    expect(
      await cost("campaign_performance", { campaign_id: c.id, project_id: project.id, detail: "stats" }),
    ).toBe(pages(campaigns.length) + 1);
  });

  it("campaign_comparison: ceil(campaigns/100) + 1 per campaign", async () => {
    expect(await cost("campaign_comparison", { project_id: project.id })).toBe(
      pages(campaigns.length) + campaigns.length,
    );
  });

  it("underperforming_creators: ceil(creators/100) + ceil(videos/100)", async () => {
    expect(await cost("underperforming_creators", { project_id: project.id })).toBe(
      pages(creatorCount) + pages(videoCount),
    );
  });

  it("campaign_content: ceil(campaigns/100) + tree items + ceil(creators/100) + ceil(videos/100)", async () => {
    const c = campaigns[0]!;
    const expected =
      pages(campaigns.length) + (await treeItemPages(c.id)) + pages(creatorCount) + pages(videoCount);
    expect(await cost("campaign_content", { campaign_id: c.id, project_id: project.id })).toBe(expected);
  });

  it("creator_trend: the creator list up to the creator + ceil(its videos/100) + 1", async () => {
    const { client } = sandbox();
    const creators = await fetchAll(client.creators.list({ project_id: project.id, limit: 100 }));
    const index = Math.min(creators.length - 1, 150); // on the second page when there is one
    const creator = creators[index]!;
    const videos = await fetchAll(client.videos.list({ creator_id: creator.id, limit: 100 }));
    const expected = Math.floor(index / 100) + 1 + pages(videos.length) + 1;
    expect(await cost("creator_trend", { creator_id: creator.id, project_id: project.id })).toBe(expected);
  });

  it("program_health: projects + creators + videos + 3 × goal compliance + unpaid accruals, each ceil(n/100)", async () => {
    const { client, sandbox: sb } = sandbox();
    const day = sb.truth.as_of.slice(0, 10);
    const compliance = await fetchAll(
      client.goals.compliance(project.id, { reference_date: day, limit: 100 }),
    );
    const unpaid = await fetchAll(client.payoutAccruals.list({ status: "unpaid", limit: 100 }));
    // Yesterday's and the day before's lists: the periods closed within 48 h.
    const before = (n: number) =>
      new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
    const closed = await Promise.all(
      [1, 2].map((n) =>
        fetchAll(client.goals.compliance(project.id, { reference_date: before(n), limit: 100 })),
      ),
    );
    const expected =
      pages(projects.length) +
      pages(creatorCount) +
      pages(videoCount) +
      pages(compliance.length) +
      closed.reduce((s, c) => s + pages(c.length), 0) +
      pages(unpaid.length);
    expect(await cost("program_health", { project_id: project.id })).toBe(expected);
  });
});

describe("request counts of runs that share a client", () => {
  it("count each run's own requests, summing to what the sandbox saw", async () => {
    const h = sandbox();
    const client = h.newClient();
    h.sandbox.resetRequests();
    const [a, b] = await Promise.all([
      getWorkflow("underperforming_creators").run(client, { project_id: project.id, as_of: asOf }),
      getWorkflow("program_health").run(client, { project_id: project.id, as_of: asOf }),
    ]);
    expect(a.meta.request_count).toBe(pages(creatorCount) + pages(videoCount));
    expect(a.meta.request_count + b.meta.request_count).toBe(h.sandbox.requests().total);
    expect(client.requestCount).toBe(h.sandbox.requests().total);
  });
});
