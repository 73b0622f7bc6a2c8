/**
 * Data freshness. Stats are scraped on a schedule, so a counter can be hours old; the agent guide
 * says data whose `last_scraped_at` is more than 12 hours old may not reflect recent activity.
 * An entity never scraped counts as stale too (nothing vouches for its counters), and is also counted
 * apart so a report can say "never" rather than "old".
 * @module
 */
import { HOUR_MS, type Instant, instantMs, parseInstantMs } from "./dates.js";

export const STALE_AFTER_HOURS = 12;

/** Whether a scrape time is more than `hours` before asOf; never scraped (`null`) is stale. */
export function isStale(lastScrapedAt: string | null | undefined, asOfMs: number, hours = STALE_AFTER_HOURS) {
  const ms = parseInstantMs(lastScrapedAt);
  return ms === null || asOfMs - ms > hours * HOUR_MS;
}

export interface FreshnessSummary {
  /** The oldest `last_scraped_at` among the entities (ISO), `null` when none was ever scraped. */
  oldest_scraped_at: string | null;
  /** Hours between the oldest scrape and asOf. */
  oldest_age_hours: number | null;
  stale_count: number;
  /** Ids of stale entities (never scraped first, then oldest first), capped at `cap`. */
  stale_ids: string[];
  stale_ids_truncated: boolean;
  never_scraped_count: number;
  checked_count: number;
  /** True when any entity is stale (never-scraped ones included). */
  is_stale: boolean;
}

export interface FreshnessOptions {
  hours?: number;
  cap?: number;
}

/** Summarises how fresh a set of scraped entities is at asOf. */
export function summarizeFreshness(
  entities: ReadonlyArray<{ id: string; last_scraped_at?: string | null }>,
  asOf: Instant,
  options: FreshnessOptions = {},
): FreshnessSummary {
  const asOfMs = instantMs(asOf);
  const limitMs = (options.hours ?? STALE_AFTER_HOURS) * HOUR_MS;
  const cap = options.cap ?? 20;
  let oldestMs: number | null = null;
  let oldestIso: string | null = null;
  let never = 0;
  const stale: Array<{ id: string; ms: number }> = [];
  for (const e of entities) {
    const ms = parseInstantMs(e.last_scraped_at);
    if (ms === null) {
      never++;
      stale.push({ id: e.id, ms: Number.NEGATIVE_INFINITY });
      continue;
    }
    if (oldestMs === null || ms < oldestMs) {
      oldestMs = ms;
      oldestIso = e.last_scraped_at!;
    }
    if (asOfMs - ms > limitMs) stale.push({ id: e.id, ms });
  }
  stale.sort((a, b) => (a.ms === b.ms ? (a.id < b.id ? -1 : 1) : a.ms < b.ms ? -1 : 1));
  return {
    oldest_scraped_at: oldestIso,
    oldest_age_hours: oldestMs === null ? null : Math.round(((asOfMs - oldestMs) / HOUR_MS) * 10) / 10,
    stale_count: stale.length,
    stale_ids: stale.slice(0, cap).map((s) => s.id),
    stale_ids_truncated: stale.length > cap,
    never_scraped_count: never,
    checked_count: entities.length,
    is_stale: stale.length > 0,
  };
}

/** Merges summaries of several entity kinds (e.g. creators and videos) into one. */
export function mergeFreshness(parts: readonly FreshnessSummary[], cap = 20): FreshnessSummary {
  let oldest: { iso: string; hours: number } | null = null;
  const ids: string[] = [];
  let staleCount = 0;
  let never = 0;
  let checked = 0;
  let truncated = false;
  for (const p of parts) {
    if (p.oldest_scraped_at !== null && p.oldest_age_hours !== null) {
      if (oldest === null || p.oldest_age_hours > oldest.hours) {
        oldest = { iso: p.oldest_scraped_at, hours: p.oldest_age_hours };
      }
    }
    staleCount += p.stale_count;
    never += p.never_scraped_count;
    checked += p.checked_count;
    truncated ||= p.stale_ids_truncated;
    ids.push(...p.stale_ids);
  }
  return {
    oldest_scraped_at: oldest?.iso ?? null,
    oldest_age_hours: oldest?.hours ?? null,
    stale_count: staleCount,
    stale_ids: ids.slice(0, cap),
    stale_ids_truncated: truncated || ids.length > cap,
    never_scraped_count: never,
    checked_count: checked,
    is_stale: staleCount > 0,
  };
}
