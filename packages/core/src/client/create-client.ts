/**
 * `createClient()`: options in, a client with one namespace per resource out. Configuration is checked
 * here, so a missing or malformed key fails before any request is made.
 * @module
 */
import { type ClientOptions, type RequestOptions, resolveClientOptions } from "./options.js";
import { AnalyticsResource } from "./resources/analytics.js";
import { SchemaResource } from "./resources/api-schema.js";
import { Campaigns } from "./resources/campaigns.js";
import { Creators } from "./resources/creators.js";
import { Goals } from "./resources/goals.js";
import { PayoutAccruals } from "./resources/payout-accruals.js";
import { PayoutMethods } from "./resources/payout-methods.js";
import { PayoutPayments } from "./resources/payout-payments.js";
import { PayoutStructures } from "./resources/payout-structures.js";
import { Projects } from "./resources/projects.js";
import { Requester } from "./resources/resource.js";
import { Videos } from "./resources/videos.js";
import { type ApiResult, type RequestSpec, Transport } from "./transport.js";
import type { UnknownValueSeen } from "./unknown-values.js";

/** A trackagoat v1 client. Create one with {@link createClient}. */
export class TrackagoatClient {
  readonly projects: Projects;
  readonly creators: Creators;
  readonly videos: Videos;
  readonly campaigns: Campaigns;
  readonly analytics: AnalyticsResource;
  readonly schema: SchemaResource;
  readonly goals: Goals;
  readonly payoutMethods: PayoutMethods;
  readonly payoutStructures: PayoutStructures;
  readonly payoutAccruals: PayoutAccruals;
  readonly payoutPayments: PayoutPayments;
  readonly #transport: Transport;
  /**
   * Which API generation answered this client's stats routes, once a workflow has asked: `"current"`
   * after one answered 410 Gone (later runs then go straight to the `/analytics` fallback instead of
   * spending a request to learn it again), `"legacy"` while they answer, null before any was called.
   * Kept on the client because its base URL decides it; set by the workflows, not by the client.
   */
  apiGeneration: "legacy" | "current" | null = null;

  constructor(options: ClientOptions = {}) {
    this.#transport = new Transport(resolveClientOptions(options));
    const http = new Requester(this.#transport);
    this.projects = new Projects(http);
    this.creators = new Creators(http);
    this.videos = new Videos(http);
    this.campaigns = new Campaigns(http);
    this.analytics = new AnalyticsResource(http);
    this.schema = new SchemaResource(http);
    this.goals = new Goals(http);
    this.payoutMethods = new PayoutMethods(http);
    this.payoutStructures = new PayoutStructures(http);
    this.payoutAccruals = new PayoutAccruals(http);
    this.payoutPayments = new PayoutPayments(http);
  }

  /**
   * Enum values the docs do not name (an unknown `tracking_status`, payout `rule_type`, …) that this
   * client's responses carried, each with how often it was read and where first. The tolerant readers
   * keep such values as strings instead of failing; analyses count unknown statuses out. Each is also
   * warned about once through the `logger` (its `warn`, else `debug`).
   *
   * @example
   * for (const u of tg.unknownValues()) console.warn(`${u.field} = ${u.value} (×${u.count})`);
   */
  unknownValues(): UnknownValueSeen[] {
    return this.#transport.unknownValues.list();
  }

  /** HTTP requests this client has actually sent, retries included: what a piece of work cost. */
  get requestCount(): number {
    return this.#transport.requestCount;
  }

  /** The base URL requests go to (no trailing slash). */
  get baseUrl(): string {
    return this.#transport.config.baseUrl;
  }

  /**
   * Calls a route this client has no method for, with the same pacing, retries and envelope checks.
   *
   * @example
   * const { data } = await tg.request({ method: "GET", path: "/analytics/aggregate/outliers", query: { project_id } });
   */
  request<T = unknown>(spec: RequestSpec<T>, options?: RequestOptions): Promise<ApiResult<T>> {
    return this.#transport.request(spec, options);
  }
}

/**
 * Creates a client. Reads `TRACKAGOAT_API_KEY` and `TRACKAGOAT_BASE_URL` when the options leave them
 * out; throws a `ConfigurationError` (before any request) when the key is missing or malformed.
 *
 * @example
 * import { createClient } from "@goatkit/core";
 *
 * const tg = createClient(); // key from TRACKAGOAT_API_KEY
 * for await (const creator of tg.creators.list({ project_id, limit: 100 })) {
 *   console.log(creator.tiktok_handle, creator.follower_count);
 * }
 * console.log(`cost: ${tg.requestCount} requests`);
 */
export function createClient(options: ClientOptions = {}): TrackagoatClient {
  return new TrackagoatClient(options);
}
