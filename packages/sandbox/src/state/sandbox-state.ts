/**
 * SandboxState: the mutable world behind one sandbox instance. It wraps the generated World with id
 * maps and sorted list indexes (kept in step on every write), org scoping (a record of another org is
 * "not found", exactly like a missing one), and the per-instance stores: idempotency, request log, rate
 * windows, daily counters and the ledger of committed writes. Every `createSandboxApp()` builds its own,
 * so parallel tests never share.
 */
import { notFound } from "../api/api-error.js";
import type {
  ApiKeyRecord,
  CampaignItemRecord,
  CampaignRecord,
  CreatorRecord,
  GoalRecord,
  OrgRecord,
  PayoutAccrualRecord,
  PayoutAssignmentRecord,
  PayoutMethodRecord,
  PayoutPaymentRecord,
  PayoutStructureRecord,
  ProjectRecord,
  VideoRecord,
  World,
} from "../world/types.js";
import { SandboxClock } from "./clock.js";
import { Collection } from "./collection.js";
import { WriteLedger } from "./commit.js";
import { DailyCounter, SlidingWindow } from "./counters.js";
import { HandleIndex } from "./handles.js";
import { IdempotencyStore } from "./idempotency.js";
import { createUuidFactory } from "./random.js";
import { RequestLog } from "./request-log.js";
import type { AnnotationRecord } from "./types.js";

export interface SandboxStateOptions {
  /** Seeds the ids of records created through the API (default: the world's seed). */
  seed?: number;
  /** Wall clock, injectable for tests of time-based limits. */
  wallClock?: () => number;
}

/** Key of a campaign membership row: a campaign holds an item at most once. */
export const campaignItemId = (i: CampaignItemRecord) => `${i.campaign_id}|${i.item_type}|${i.item_id}`;

const byCreated = <T extends { created_at: string }>(r: T) => r.created_at;
const byId = <T extends { id: string }>(r: T) => r.id;

export class SandboxState {
  readonly world: World;
  readonly clock: SandboxClock;
  readonly newId: () => string;

  readonly orgs = new Map<string, OrgRecord>();
  /** API keys by plaintext (the real service stores hashes; the sandbox has no reason to). */
  readonly apiKeys = new Map<string, ApiKeyRecord>();

  /** Lists: `org:<id>`. */
  readonly projects: Collection<ProjectRecord>;
  /** Lists (active creators only): `org:<id>`, `project:<id>`. */
  readonly creators: Collection<CreatorRecord>;
  readonly handles: HandleIndex;
  /**
   * Lists: `org:`, `project:`, `creator:` hold what `GET /videos` may show (not deleted, not excluded);
   * `project-all:`, `creator-all:` hold every non-deleted video (stats decide what counts);
   * `direct:<org>` the org's live direct adds; `tracked:<org>` the videos still tracked (listed and not
   * tracking-disabled): the `max_tracked_videos_per_org` count.
   */
  readonly videos: Collection<VideoRecord>;
  /** Lists: `org:<id>`, `project:<id>`. */
  readonly campaigns: Collection<CampaignRecord>;
  /** Lists: `campaign:<id>` (its direct members), `member:<type>:<id>` (campaigns holding an item). */
  readonly campaignItems: Collection<CampaignItemRecord>;
  /** Lists: `org:`, `project:`, `creator:`. */
  readonly goals: Collection<GoalRecord>;
  /** Lists: `org:<id>`. */
  readonly annotations: Collection<AnnotationRecord>;
  readonly payoutMethods: Collection<PayoutMethodRecord>;
  /** Lists: `org:`, `project:`. */
  readonly payoutStructures: Collection<PayoutStructureRecord>;
  /** Lists: `structure:`, `creator:`. */
  readonly payoutAssignments: Collection<PayoutAssignmentRecord>;
  readonly payoutAccruals: Collection<PayoutAccrualRecord>;
  readonly payoutPayments: Collection<PayoutPaymentRecord>;

  readonly idempotency: IdempotencyStore;
  /** Which requests committed a write (all-or-nothing writes, see commit.ts). */
  readonly writes = new WriteLedger();
  readonly requestLog = new RequestLog();
  /** Per-key one-minute windows. */
  readonly keyWindows = new SlidingWindow(60_000);
  /** Per-org `max_api_requests_per_day`. */
  readonly apiRequestsToday = new DailyCounter();
  /** Per-org `max_manual_scrape_triggers_per_day`. */
  readonly scrapesToday = new DailyCounter();

  constructor(world: World, options: SandboxStateOptions = {}) {
    this.world = world;
    this.clock = new SandboxClock(world.now, options.wallClock);
    // Offset from the world seed so new ids never collide with generated ones built from the same seed.
    this.newId = createUuidFactory(((options.seed ?? world.seed) ^ 0x5eed) >>> 0);
    for (const org of world.orgs) this.orgs.set(org.id, org);
    for (const key of world.apiKeys) this.apiKeys.set(key.key, key);

    this.projects = new Collection({
      backing: world.projects,
      idOf: byId,
      createdAtOf: byCreated,
      listsOf: (p) => [`org:${p.org_id}`],
    });
    this.creators = new Collection({
      backing: world.creators,
      idOf: byId,
      createdAtOf: byCreated,
      listsOf: (c) => (c._deleted ? [] : [`org:${c._org_id}`, `project:${c.project_id}`]),
    });
    this.handles = new HandleIndex(world.creators);
    this.videos = new Collection({
      backing: world.videos,
      idOf: byId,
      createdAtOf: byCreated,
      // A removed creator's videos leave the listings and project aggregates with it (and come back
      // when the creator is re-added); `creator-all` keeps them so reactivation is a plain re-sync.
      listsOf: (v) =>
        videoLists(v, v.creator_id ? this.creators.get(v.creator_id)?._deleted === true : false),
    });
    this.campaigns = new Collection({
      backing: world.campaigns,
      idOf: byId,
      createdAtOf: byCreated,
      listsOf: (c) => [`org:${c._org_id}`, `project:${c.project_id}`],
    });
    this.campaignItems = new Collection({
      backing: world.campaignItems,
      idOf: campaignItemId,
      createdAtOf: byCreated,
      listsOf: (i) => [`campaign:${i.campaign_id}`, `member:${i.item_type}:${i.item_id}`],
    });
    this.goals = new Collection({
      backing: world.goals,
      idOf: byId,
      createdAtOf: byCreated,
      listsOf: (g) => [`org:${g._org_id}`, `project:${g.project_id}`, `creator:${g.creator_id}`],
    });
    this.annotations = new Collection<AnnotationRecord>({
      backing: [],
      idOf: byId,
      createdAtOf: byCreated,
      listsOf: (a) => [`org:${a.org_id}`],
    });
    this.payoutMethods = new Collection({
      backing: world.payoutMethods,
      idOf: byId,
      createdAtOf: byCreated,
      listsOf: (m) => [`org:${m.org_id}`],
    });
    this.payoutStructures = new Collection({
      backing: world.payoutStructures,
      idOf: byId,
      createdAtOf: byCreated,
      listsOf: (s) => [`org:${s.org_id}`, `project:${s.project_id}`],
    });
    this.payoutAssignments = new Collection({
      backing: world.payoutAssignments,
      idOf: byId,
      createdAtOf: byCreated,
      listsOf: (a) => [`structure:${a.structure_id}`, `creator:${a.creator_id}`],
    });
    this.payoutAccruals = new Collection({
      backing: world.payoutAccruals,
      idOf: byId,
      createdAtOf: byCreated,
      listsOf: (a) => [`org:${a.org_id}`],
    });
    this.payoutPayments = new Collection({
      backing: world.payoutPayments,
      idOf: byId,
      createdAtOf: byCreated,
      listsOf: (p) => [`org:${p.org_id}`],
    });
    this.idempotency = new IdempotencyStore(() => this.clock.nowMs());
  }

  // --- org scoping: another org's record is indistinguishable from a missing one -------------------

  org(orgId: string): OrgRecord {
    const org = this.orgs.get(orgId);
    if (!org) throw notFound("Organization");
    return org;
  }

  project(orgId: string, id: string): ProjectRecord {
    const p = this.projects.get(id);
    if (!p || p.org_id !== orgId) throw notFound("Project");
    return p;
  }

  /** An active creator; soft-deleted ones are invisible. */
  creator(orgId: string, id: string): CreatorRecord {
    const c = this.creators.get(id);
    if (!c || c._org_id !== orgId || c._deleted) throw notFound("Creator");
    return c;
  }

  video(orgId: string, id: string): VideoRecord {
    const v = this.videos.get(id);
    if (!v || v._org_id !== orgId || v._deleted) throw notFound("Video");
    return v;
  }

  campaign(orgId: string, id: string): CampaignRecord {
    const c = this.campaigns.get(id);
    if (!c || c._org_id !== orgId) throw notFound("Campaign");
    return c;
  }

  goal(orgId: string, id: string): GoalRecord {
    const g = this.goals.get(id);
    if (!g || g._org_id !== orgId) throw notFound("Goal");
    return g;
  }

  annotation(orgId: string, id: string): AnnotationRecord {
    const a = this.annotations.get(id);
    if (!a || a.org_id !== orgId) throw notFound("Annotation");
    return a;
  }

  payoutMethod(orgId: string, id: string): PayoutMethodRecord {
    const m = this.payoutMethods.get(id);
    if (!m || m.org_id !== orgId) throw notFound("Payout method");
    return m;
  }

  payoutStructure(orgId: string, id: string): PayoutStructureRecord {
    const s = this.payoutStructures.get(id);
    if (!s || s.org_id !== orgId) throw notFound("Payout structure");
    return s;
  }

  payoutAccrual(orgId: string, id: string): PayoutAccrualRecord {
    const a = this.payoutAccruals.get(id);
    if (!a || a.org_id !== orgId) throw notFound("Payout accrual");
    return a;
  }

  payoutPayment(orgId: string, id: string): PayoutPaymentRecord {
    const p = this.payoutPayments.get(id);
    if (!p || p.org_id !== orgId) throw notFound("Payout payment");
    return p;
  }

  /** Active creators of the org (the `max_creators_per_org` count). */
  activeCreatorCount(orgId: string): number {
    return this.creators.list(`org:${orgId}`).length;
  }

  /**
   * Soft-deletes or reactivates a creator and moves it (and its videos) in every index. `stamp` is its
   * new `updated_at` (a staged write passes the one its response already shows).
   */
  setCreatorDeleted(creator: CreatorRecord, deleted: boolean, stamp?: string): void {
    if (creator._deleted === deleted) return;
    // The videos' lists depend on their creator's state: record them before the flip.
    const videos = this.videos.list(`creator-all:${creator.id}`).toArray();
    const before = videos.map((v) => this.videos.listsOf(v));
    this.creators.update(creator, (c) => {
      c._deleted = deleted;
      c.updated_at = stamp ?? this.clock.stamp();
    });
    videos.forEach((video, i) => {
      this.videos.relist(video, before[i]!);
    });
  }

  /** Live videos of a creator, every status (stats decide what counts). */
  creatorVideos(creatorId: string): readonly VideoRecord[] {
    return this.videos.list(`creator-all:${creatorId}`).view();
  }

  /** Live videos of a project, every status. */
  projectVideos(projectId: string): readonly VideoRecord[] {
    return this.videos.list(`project-all:${projectId}`).view();
  }
}

function videoLists(v: VideoRecord, creatorRemoved: boolean): string[] {
  if (v._deleted) return [];
  const lists: string[] = [];
  if (v.creator_id) lists.push(`creator-all:${v.creator_id}`);
  if (v.tracking_status === "direct_add") lists.push(`direct:${v._org_id}`);
  if (creatorRemoved) return lists;
  lists.push(`project-all:${v.project_id}`);
  if (v.tracking_status !== "excluded") {
    lists.push(`org:${v._org_id}`, `project:${v.project_id}`);
    if (v.tracking_enabled) lists.push(`tracked:${v._org_id}`);
    if (v.creator_id) lists.push(`creator:${v.creator_id}`);
  }
  return lists;
}
