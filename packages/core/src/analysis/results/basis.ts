/**
 * The wording every report field description shares, so "lifetime" and "gained in the range" mean the
 * same thing in every schema (and in the MCP output schemas and OpenAPI document generated from them).
 * People decide who gets paid from these figures: each one says what it counts, in what unit, and
 * over what period.
 * @module
 */

/** Counters of the videos' latest scrape: what they gathered since posting, whatever the range. */
export const LIFETIME =
  "lifetime total of the counted videos as of their last scrape (not limited to the range)";

/** A gain over `meta.range` from a cumulative history, measured from the end of the day before `from`. */
export const IN_RANGE =
  "gained within the range (meta.range): the cumulative level at the end of `to` minus the level at the " +
  "end of the day before `from`";

export const FRACTION = "a fraction 0–1 (0.0812 = 8.12 %)";

export const ENGAGEMENT = `engagement rate by views, (likes + comments + shares + saves) / views, ${FRACTION}`;

export const DAY = "a UTC day, YYYY-MM-DD";

export const INSTANT = "an ISO 8601 instant (UTC)";

/** Videos that count in stats: tracking_status auto_tracked, included or direct_add. */
export const COUNTED = "counted (auto_tracked, included or direct_add)";
