/**
 * One place to collect the caveats an analysis ran into. Every report ends with them as plain
 * sentences, because a number without its caveat (stale scrape, pending videos left out, a fallback
 * data source) invites the wrong conclusion. Codes let front ends style, filter or act on them, so a
 * code names one stable situation; the sentence may change wording, the code may not.
 * @module
 */

import type { LeftOutCounts } from "../analysis/counted.js";
import { formatInt } from "../analysis/format.js";
import type { FreshnessSummary } from "../analysis/freshness.js";
import type { Caveat, CaveatCode } from "../reports/schema/caveat-codes.js";

/** `word` for one: "creators" → "creator", "entities" → "entity"; a singular word stays as it is. */
function singular(word: string): string {
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  return word.endsWith("s") ? word.slice(0, -1) : word;
}

/**
 * The subject "n of the total things": "1 of the 40 creators", "All 3 creators", "The creator". `what`
 * is plural; a possessive first word stays before the count ("1 of the campaign's 40 videos"), since
 * "the 40 campaign's videos" would read as 40 campaigns.
 */
function someOf(n: number, total: number, what: string): string {
  const m = /^(\S+(?:'s|s'))\s+(.+)$/.exec(what);
  const head = m ? `${m[1]} ` : "";
  const noun = m ? m[2]! : what;
  if (total === 1) return `The ${head}${singular(noun)}`;
  if (n === total)
    return m ? `All ${formatInt(total)} of the ${head}${noun}` : `All ${formatInt(total)} ${noun}`;
  return `${formatInt(n)} of the ${head}${formatInt(total)} ${noun}`;
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
    return this.#items.map((c) => ({ ...c }));
  }

  /** The sentences, in the order they were added. */
  messages(): string[] {
    return this.#items.map((c) => c.message);
  }

  /**
   * Adds the stale-data and never-scraped caveats a freshness summary calls for. `what` is the plural
   * of what was checked ("creators", "campaign's videos").
   */
  addFreshness(f: FreshnessSummary, what = "entities", hours = 12): this {
    // Never-scraped entities count as stale in the summary; they get their own sentence.
    const old = f.stale_count - f.never_scraped_count;
    const total = Math.max(f.checked_count, f.stale_count);
    if (old > 0) {
      this.add(
        "stale_data",
        `${someOf(old, total, what)} ${old === 1 ? "was" : "were"} last scraped more than ${hours} h ` +
          `before the analysis time (oldest: ${f.oldest_scraped_at}); ${old === 1 ? "its" : "their"} counters ` +
          "may lag recent TikTok activity.",
      );
    }
    const never = f.never_scraped_count;
    if (never > 0) {
      this.add(
        "never_scraped",
        `${someOf(never, total, what)} ${never === 1 ? "has" : "have"} never been scraped; ` +
          `${never === 1 ? "its" : "their"} counters are unknown rather than zero.`,
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

  /**
   * Adds the caveats for videos left out beyond pending ones: tracking-disabled videos, statuses the
   * docs do not name, and (once) that videos without a `tracking_enabled` field were taken as enabled.
   */
  addLeftOut(counts: LeftOutCounts): this {
    const { tracking_disabled: disabled, unknown_status: unknown, tracking_unreported: unreported } = counts;
    if (disabled > 0) {
      this.add(
        "tracking_disabled_left_out",
        `${formatInt(disabled)} tracking-disabled video${disabled === 1 ? " was" : "s were"} left out: a video ` +
          "whose tracking is disabled counts in no stat, goal or campaign (it is still listed by GET /videos).",
      );
    }
    if (unknown > 0) {
      this.add(
        "unknown_status_left_out",
        `${formatInt(unknown)} video${unknown === 1 ? " was" : "s were"} left out for a tracking_status the docs do not ` +
          "name: a status goatkit does not know is not counted.",
      );
    }
    if (unreported > 0 && !this.has("tracking_unreported")) {
      this.add(
        "tracking_unreported",
        `${formatInt(unreported)} video${unreported === 1 ? "" : "s"} came without a tracking_enabled field and ` +
          `${unreported === 1 ? "was" : "were"} treated as enabled (the documented default); a disabled one among ` +
          "them would be counted.",
      );
    }
    return this;
  }

  /**
   * Adds the caveat for checks a workflow skipped, unless the workflow already explained it: a report
   * silent about staleness must not read as fresh data.
   */
  addNotChecked(checked: { freshness: boolean; pending: boolean }): this {
    if (this.has("not_checked") || (checked.freshness && checked.pending)) return this;
    const what =
      !checked.freshness && !checked.pending
        ? "Scrape freshness and pending_review videos were"
        : !checked.freshness
          ? "Scrape freshness was"
          : "pending_review videos were";
    return this.add(
      "not_checked",
      `${what} not checked: the data this report read does not carry them, so the absence of a warning says nothing.`,
    );
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
