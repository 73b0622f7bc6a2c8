/**
 * Orchestrates world generation: orgs and keys, then per project its creators (with plants), their
 * videos and snapshot rows, videos added by URL, campaigns, goals and payouts; finally plan limits sized
 * to the data, list order, and the truth computed from the finished records.
 *
 * Everything derives from (seed, scale, now, days): the same inputs give the same world.
 */

import { DAY_MS, HOUR_MS } from "@goatkit/core/analysis";
import { buildCampaigns } from "./campaigns.js";
import {
  applyBacklog,
  type CreatorPlan,
  creatorRecord,
  type EdgeCase,
  type ProjectContext,
  planCreator,
  plantBursts,
  plantEdgeCreators,
  plantUnderperformers,
  storedFollowers,
} from "./creators.js";
import { plantDisabledVideos, plantEarlyScrapedBurst } from "./edge-plants.js";
import { buildGoals } from "./goals.js";
import { uuid } from "./ids.js";
import { demoApiKeys } from "./keys.js";
import { CaptionPool, NICHES } from "./names.js";
import { BRANDS, projectNote } from "./notes.js";
import { makeOrg, planLimits } from "./orgs.js";
import { buildPayoutMethods, buildProjectPayouts } from "./payouts.js";
import { Rng, streamKey } from "./prng.js";
import type { ProjectBuild } from "./project.js";
import { isScaleName, SCALES, type ScaleName } from "./scales.js";
import { planPosts } from "./schedule.js";
import { CreatorStore, Snapshots, VideoStore } from "./snapshots.js";
import { iso, SECOND_MS, Timeline } from "./time.js";
import { computeTruth } from "./truth.js";
import type { Day, GenerateOptions, OrgRecord, PayoutMethodRecord, VideoRecord, World } from "./types.js";
import { creatorVideos, directVideos, type VideoBuild } from "./videos.js";

/** What the generator meant to plant, for its own tests: the truth must find all of it. */
export interface PlantedIntent {
  lowViews: Set<string>;
  falling: Set<string>;
  gaps: Map<string, Day[]>;
  notPosting: Set<string>;
  stale: Set<string>;
  outliers: Map<string, "high" | "low">;
  overPosting: Array<{ creator_id: string; date: Day }>;
  /** Over-posting days whose low counts were read under 2 h after posting: no incident (edge-plants.ts). */
  unconfirmedOverPosting: Array<{ creator_id: string; date: Day }>;
  /** Videos planted with tracking disabled. */
  disabled: Set<string>;
  /** Creators planted with an issue 12 case-4 edge case (creators.ts `EdgeCase`). */
  edges: Map<string, EdgeCase>;
}

interface ProjectSpec {
  name: string;
  niches: string[];
}

const ORG_A_PROJECTS: ProjectSpec[] = [
  { name: "Goat Labs Ambassadors", niches: ["beauty", "skincare", "fashion", "fitness"] },
  { name: "Spring Launch Program", niches: ["food", "travel", "diy", "pets", "books"] },
  { name: "Gaming & Tech Vertical", niches: ["gaming", "tech"] },
  { name: "UGC Seeding", niches: ["beauty", "food", "diy", "pets", "fashion", "travel"] },
  { name: "Affiliate Pilot", niches: ["finance", "tech", "fitness", "books"] },
];
const ORG_B_PROJECTS: ProjectSpec[] = [{ name: "Pilot Program", niches: ["beauty", "food", "pets"] }];

const MIN_DAYS = 60;
const MAX_DAYS = 730;

function resolveOptions(options: GenerateOptions): {
  seed: number;
  scale: ScaleName;
  nowMs: number;
  nDays: number;
} {
  const seed = options.seed ?? 42;
  if (typeof seed !== "number" || !Number.isFinite(seed))
    throw new RangeError(`seed must be a finite number, got ${seed}`);
  const scale = options.scale ?? "small";
  if (!isScaleName(scale))
    throw new RangeError(`unknown scale "${String(scale)}" (tiny, small, medium, large)`);
  const now = options.now ?? new Date();
  const nowMs = now instanceof Date ? now.getTime() : Date.parse(now);
  if (!Number.isFinite(nowMs)) throw new RangeError(`now is not a valid instant: ${String(options.now)}`);
  const nDays = options.days ?? 90;
  if (!Number.isInteger(nDays) || nDays < MIN_DAYS || nDays > MAX_DAYS) {
    throw new RangeError(`days must be an integer from ${MIN_DAYS} to ${MAX_DAYS}, got ${nDays}`);
  }
  return { seed, scale, nowMs, nDays };
}

function byCreatedThenId<T extends { created_at: string; id: string }>(a: T, b: T): number {
  return a.created_at < b.created_at
    ? -1
    : a.created_at > b.created_at
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;
}

export function buildWorld(options: GenerateOptions = {}): { world: World; intent: PlantedIntent } {
  const { seed, scale, nowMs, nDays } = resolveOptions(options);
  const spec = SCALES[scale];
  const tl = new Timeline(nowMs, nDays);
  const videoStore = new VideoStore();
  const creatorStore = new CreatorStore();
  const snapshots = new Snapshots(tl, videoStore, creatorStore);
  const tiktokIds = { count: 0, salt: streamKey(seed, ["tiktok-ids"]) };
  const captions = new CaptionPool(Rng.derive(seed, "captions"));
  const intent: PlantedIntent = {
    lowViews: new Set(),
    falling: new Set(),
    gaps: new Map(),
    notPosting: new Set(),
    stale: new Set(),
    outliers: new Map(),
    overPosting: [],
    unconfirmedOverPosting: [],
    disabled: new Set(),
    edges: new Map(),
  };

  const orgA = makeOrg(Rng.derive(seed, "org", "A"), "Goat Labs", "ultra");
  const orgB = makeOrg(Rng.derive(seed, "org", "B"), "Other Org", "starter");
  const world: Omit<World, "truth"> & { truth?: World["truth"] } = {
    seed,
    scale,
    now: iso(nowMs),
    days: tl.days,
    orgs: [orgA, orgB],
    apiKeys: demoApiKeys(orgA.id, orgB.id),
    projects: [],
    creators: [],
    videos: [],
    campaigns: [],
    campaignItems: [],
    goals: [],
    payoutMethods: [],
    payoutStructures: [],
    payoutAssignments: [],
    payoutAccruals: [],
    payoutPayments: [],
    videoSnapshot: (video, dayIndex) => snapshots.video(video, dayIndex),
    creatorSnapshot: (creator, dayIndex) => snapshots.creator(creator, dayIndex),
  };

  const orgs: Array<{ org: OrgRecord; key: string; sizes: number[]; specs: ProjectSpec[]; custom: string }> =
    [
      { org: orgA, key: "A", sizes: spec.orgA, specs: ORG_A_PROJECTS, custom: "Wise" },
      { org: orgB, key: "B", sizes: spec.orgB, specs: ORG_B_PROJECTS, custom: "Bank transfer" },
    ];
  for (const { org, key, sizes, specs, custom } of orgs) {
    const methods: PayoutMethodRecord[] = buildPayoutMethods(
      Rng.derive(seed, "methods", key),
      org.id,
      custom,
      tl,
    );
    world.payoutMethods.push(...methods);

    // Plan every creator of the org first: bursts are planted across the org's projects.
    const planned = sizes.map((n, p) => {
      const projectSpec = specs[p % specs.length]!;
      const rng = Rng.derive(seed, "project", key, p);
      const ctx: ProjectContext = {
        seed,
        timeline: tl,
        orgId: org.id,
        projectId: uuid(rng),
        key: `${key}${p}`,
        niches: NICHES.filter((nc) => projectSpec.niches.includes(nc.key)),
        brand: rng.pick(BRANDS),
        viewRate: rng.range(0.15, 0.3),
        handles: new Set(),
      };
      const plans: CreatorPlan[] = [];
      for (let i = 0; i < n; i++) plans.push(planCreator(ctx, i, spec.cadenceMax, spec.cadenceSkew));
      plantUnderperformers(ctx, plans);
      plantEdgeCreators(ctx, plans);
      return { ctx, rng, plans, projectSpec };
    });
    const all = planned.flatMap((x) => x.plans);
    const events = key === "A" ? Math.max(2, Math.round(0.03 * all.length)) : all.length >= 8 ? 1 : 0;
    plantBursts(seed, key, tl, all, events, Math.min(5, spec.cadenceMax));
    const early = plantEarlyScrapedBurst(seed, key, tl, all, Math.min(5, spec.cadenceMax));
    if (early) intent.unconfirmedOverPosting.push({ creator_id: early.planId, date: tl.day(early.day) });

    const orgVideosBefore = world.videos.length;
    const builds: ProjectBuild[] = [];
    for (const { ctx, rng, plans, projectSpec } of planned) {
      const build: VideoBuild = {
        ctx,
        store: videoStore,
        snapshots,
        tiktokIds,
        captions,
        plantedOutliers: intent.outliers,
        earlyScraped: early ? new Map([[early.planId, early.day]]) : undefined,
      };
      const creators = [];
      const byCreator = [];
      for (const plan of plans) {
        const from = videoStore.size;
        const videos = creatorVideos(build, plan, planPosts(plan, tl));
        applyBacklog(plan, videos, tl);
        const followers = storedFollowers(plan);
        const snap = creatorStore.add({
          followersStart: followers.start,
          followersEnd: followers.end,
          shape: plan.shape,
          cutoffMs: plan.cutoffMs,
          firstDay: Math.max(0, tl.index(plan.createdMs)),
          likesBase: plan.likesBase,
          videoFrom: from,
          videoTo: videoStore.size,
          noiseKey: streamKey(seed, ["followers", plan.id]),
        });
        creators.push(creatorRecord(ctx, plan, snap, snapshots));
        byCreator.push(videos);
        recordIntent(intent, plan, tl);
      }
      const creatorVideoCount = byCreator.reduce((s, v) => s + v.length, 0);
      const direct = directVideos(
        build,
        Rng.derive(seed, "direct", ctx.key),
        Math.max(1, Math.round(creatorVideoCount / 100)),
      );

      const earliestCreator = Math.min(tl.day0Ms - 130 * DAY_MS, ...plans.map((p) => p.createdMs));
      const projectCreated = earliestCreator - rng.int(1, 30) * DAY_MS - rng.int(0, 86_399) * SECOND_MS;
      const project = {
        id: ctx.projectId,
        org_id: org.id,
        name: projectSpec.name,
        description: projectNote(rng, projectSpec.name, ctx.brand, plans.length),
        created_at: iso(projectCreated),
        updated_at: iso(nowMs - rng.int(1, 40) * DAY_MS - rng.int(0, 23) * HOUR_MS),
      };
      world.projects.push(project);
      world.creators.push(...creators);
      for (const vs of byCreator) world.videos.push(...vs);
      world.videos.push(...direct);
      builds.push({ ctx, project, plans, creators, byCreator, direct, snapshots });
    }

    const structuresPerProject: number[] = [];
    const campaignsPerProject: number[] = [];
    let maxItems = 0;
    for (const pb of builds) {
      const { campaigns, items } = buildCampaigns(pb, Rng.derive(seed, "campaigns", pb.ctx.key));
      world.campaigns.push(...campaigns);
      world.campaignItems.push(...items);
      for (const id of plantDisabledVideos(pb, campaigns, items, Rng.derive(seed, "disabled", pb.ctx.key)))
        intent.disabled.add(id);
      campaignsPerProject.push(campaigns.length);
      const perCampaign = new Map<string, number>();
      for (const it of items) perCampaign.set(it.campaign_id, (perCampaign.get(it.campaign_id) ?? 0) + 1);
      for (const c of perCampaign.values()) maxItems = Math.max(maxItems, c);

      const goals = buildGoals(pb, Rng.derive(seed, "goals", pb.ctx.key));
      world.goals.push(...goals);
      const payouts = buildProjectPayouts(
        pb,
        goals,
        methods,
        snapshots,
        Rng.derive(seed, "payouts", pb.ctx.key),
      );
      world.payoutStructures.push(...payouts.structures);
      world.payoutAssignments.push(...payouts.assignments);
      world.payoutAccruals.push(...payouts.accruals);
      world.payoutPayments.push(...payouts.payments);
      structuresPerProject.push(payouts.structures.length);
    }

    org.limits = planLimits(org.tier, {
      creators: builds.reduce((s, b) => s + b.creators.length, 0),
      videos: world.videos.length - orgVideosBefore,
      projects: builds.length,
      maxCampaignsPerProject: Math.max(0, ...campaignsPerProject),
      maxItemsPerCampaign: maxItems,
      maxStructuresPerProject: Math.max(0, ...structuresPerProject),
      payoutMethods: methods.length,
      apiKeys: world.apiKeys.filter((k) => k.org_id === org.id).length,
    });
  }

  // Lists are served in created_at, id order; keep the arrays that way from the start.
  world.projects.sort(byCreatedThenId);
  world.creators.sort(byCreatedThenId);
  world.videos = sortVideos(world.videos, videoStore);
  world.campaigns.sort(byCreatedThenId);
  world.goals.sort(byCreatedThenId);
  world.payoutMethods.sort(byCreatedThenId);
  world.payoutStructures.sort(byCreatedThenId);
  world.payoutAssignments.sort(byCreatedThenId);
  world.payoutAccruals.sort(byCreatedThenId);
  world.payoutPayments.sort(byCreatedThenId);
  world.campaignItems.sort((a, b) =>
    a.created_at < b.created_at
      ? -1
      : a.created_at > b.created_at
        ? 1
        : a.item_id < b.item_id
          ? -1
          : a.item_id > b.item_id
            ? 1
            : 0,
  );
  videoStore.trim();

  // An early-scraped burst is planted as a burst, but its low counts are unconfirmed: no incident.
  const early = new Set(intent.unconfirmedOverPosting.map((o) => `${o.creator_id}/${o.date}`));
  intent.overPosting = intent.overPosting.filter((o) => !early.has(`${o.creator_id}/${o.date}`));
  world.truth = computeTruth(world, (v) => videoStore.posted[v._snap]!);
  return { world: world as World, intent };
}

/**
 * Videos in created_at, id order. Comparator sorts over 250,000 records are slow, so pack (created
 * second, position) into one double, sort those natively, then order the rare same-second runs by id.
 */
function sortVideos(videos: VideoRecord[], store: VideoStore): VideoRecord[] {
  const n = videos.length;
  const SLOT = 2 ** 21;
  if (n >= SLOT)
    return videos.sort((a, b) => store.created[a._snap]! - store.created[b._snap]! || byId(a, b));
  let base = Number.POSITIVE_INFINITY;
  for (const v of videos) base = Math.min(base, store.created[v._snap]!);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++)
    keys[i] = Math.floor((store.created[videos[i]!._snap]! - base) / SECOND_MS) * SLOT + i;
  keys.sort();
  const out = new Array<VideoRecord>(n);
  for (let j = 0; j < n; j++) out[j] = videos[keys[j]! % SLOT]!;
  const second = (j: number) => Math.floor(keys[j]! / SLOT);
  for (let j = 0; j < n; ) {
    let e = j + 1;
    while (e < n && second(e) === second(j)) e++;
    if (e - j > 1) {
      const run = out.slice(j, e).sort(byId);
      for (let k = j; k < e; k++) out[k] = run[k - j]!;
    }
    j = e;
  }
  return out;
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function recordIntent(intent: PlantedIntent, plan: CreatorPlan, tl: Timeline): void {
  if (plan.plant.lowViews) intent.lowViews.add(plan.id);
  if (plan.plant.fall !== 1) intent.falling.add(plan.id);
  if (plan.plant.gapWeeks.length > 0)
    intent.gaps.set(
      plan.id,
      plan.plant.gapWeeks.map((m) => tl.day(m)),
    );
  if (plan.plant.lastPostDay !== null) intent.notPosting.add(plan.id);
  if (plan.plant.edge !== null) intent.edges.set(plan.id, plan.plant.edge);
  if (plan.plant.edge === "never_posted") intent.notPosting.add(plan.id);
  if (plan.stale) intent.stale.add(plan.id);
  for (const d of plan.plant.burstDays) intent.overPosting.push({ creator_id: plan.id, date: tl.day(d) });
}

/** A deterministic world: same options (with `now` fixed) → the same records, snapshots and truth. */
export function generateWorld(options: GenerateOptions = {}): World {
  return buildWorld(options).world;
}

/** The planted truth as pretty-printed JSON (stable: every list in it is sorted). */
export function truthJson(world: World): string {
  return `${JSON.stringify(world.truth, null, 2)}\n`;
}
