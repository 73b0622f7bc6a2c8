/**
 * One place to collect the caveats an analysis ran into. Every report ends with them as plain
 * sentences, because a number without its caveat (stale scrape, pending videos left out, a fallback
 * data source) invites the wrong conclusion. Codes let front ends style or filter them.
 * @module
 */

import { formatInt, plural } from "./format.js";
import type { FreshnessSummary } from "./freshness.js";

export type CaveatCode =
  | "stale_data"
  | "never_scraped"
  | "snapshot_not_cumulative"
  | "pending_left_out"
  | "recursive_dedup"
  | "empty_input"
  | "api_fallback"
  | "partial_bucket"
  | "truncated"
  | "unavailable"
  | "other";

export interface Caveat {
  code: CaveatCode;
  message: string;
}

/** An ordered, de-duplicated list of caveats. */
export class Caveats {
  readonly #items: Caveat[] = [];

  add(code: CaveatCode, message: string): this {
    if (!this.#items.some((c) => c.code === code && c.message === message))
      this.#items.push({ code, message });
    return this;
  }

  has(code: CaveatCode): boolean {
    return this.#items.some((c) => c.code === code);
  }

  list(): Caveat[] {
    return [...this.#items];
  }

  /** The sentences, in the order they were added. */
  messages(): string[] {
    return this.#items.map((c) => c.message);
  }

  /** Adds the stale-data and never-scraped caveats a freshness summary calls for. */
  addFreshness(f: FreshnessSummary, what = "entities", hours = 12): this {
    const old = f.stale_count - f.never_scraped_count;
    if (old > 0) {
      this.add(
        "stale_data",
        `${plural(old, `of the ${what} was`, `of the ${what} were`)} last scraped more than ${hours} h ` +
          `before the analysis time (oldest: ${f.oldest_scraped_at}); their counters may lag recent TikTok activity.`,
      );
    }
    if (f.never_scraped_count > 0) {
      this.add(
        "never_scraped",
        `${plural(f.never_scraped_count, `of the ${what} has`, `of the ${what} have`)} never been scraped; ` +
          "their counters are unknown rather than zero.",
      );
    }
    return this;
  }

  /** Adds the caveat for videos waiting in the Tracking Inbox, if any were left out. */
  addPending(pending: number): this {
    if (pending > 0) {
      this.add(
        "pending_left_out",
        `${formatInt(pending)} pending_review video${pending === 1 ? " was" : "s were"} left out: selective-mode ` +
          "videos count only once approved in the Tracking Inbox.",
      );
    }
    return this;
  }

  /** The reminder that list counters are current snapshots, not sums over the range. */
  addSnapshot(): this {
    return this.add(
      "snapshot_not_cumulative",
      "view/like/comment/share/save counts are current snapshots (lifetime totals of each video as of its last " +
        "scrape), not gains within the date range; date-range gains come from the stats history.",
    );
  }

  /** Adds an "empty input" caveat. */
  addEmpty(what: string): this {
    return this.add(
      "empty_input",
      `No ${what} to analyse; the figures below are empty, not zero performance.`,
    );
  }
}
