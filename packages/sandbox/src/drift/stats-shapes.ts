/**
 * Part A stats bodies → the shapes api-contract Part B records as the docs' own reading (§4.6 creator
 * stats, §6.1 campaign stats, the `{ series }` form of video stats). Pure functions on response JSON;
 * each returns its input unchanged when it is not the Part A shape (e.g. a `metric=` series), so only
 * the plain stats answers change.
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * §4.6: `total_video_views` and `posting_frequency` become single numbers (views of counted videos at
 * the end of the range; counted posts per week over the range), and each `history` day carries
 * `view_count` and `like_count` instead of `total_likes_count`.
 */
export function creatorStatsPartB(data: unknown): unknown {
  if (!isObject(data) || !Array.isArray(data.total_video_views) || !Array.isArray(data.history)) return data;
  const views = objects(data.total_video_views);
  const viewsByDay = new Map(views.map((p) => [p.date, p.value]));
  const weeks = objects(data.posting_frequency);
  const posts = weeks.reduce((sum, w) => sum + (typeof w.video_count === "number" ? w.video_count : 0), 0);
  return {
    creator_id: data.creator_id,
    from: data.from,
    to: data.to,
    total_video_views: views.at(-1)?.value ?? 0,
    posting_frequency: weeks.length > 0 ? round2(posts / weeks.length) : 0,
    history: objects(data.history).map((h) => ({
      date: h.date,
      follower_count: h.follower_count,
      view_count: viewsByDay.get(h.date) ?? 0,
      like_count: h.total_likes_count,
      video_count: h.video_count,
    })),
  };
}

/**
 * §6.1: `totals` has the four counters only; `top_videos` items are `{ video_id, title, url,
 * view_count }`, `top_creators` items `{ creator_id, tiktok_handle, view_count }`.
 */
export function campaignStatsPartB(data: unknown): unknown {
  if (!isObject(data) || !isObject(data.totals) || !Array.isArray(data.top_videos)) return data;
  const t = data.totals;
  return {
    campaign_id: data.campaign_id,
    from: data.from,
    to: data.to,
    totals: {
      view_count: t.view_count,
      like_count: t.like_count,
      comment_count: t.comment_count,
      share_count: t.share_count,
    },
    top_videos: objects(data.top_videos).map((v) => ({
      video_id: v.id,
      title: v.title,
      url: v.url,
      view_count: v.view_count,
    })),
    top_creators: objects(data.top_creators).map((c) => ({
      creator_id: c.id,
      tiktok_handle: c.tiktok_handle,
      view_count: c.view_count,
    })),
    history: data.history,
    video_count_by_day: data.video_count_by_day,
  };
}

/** The `{ series }` form: the video's cumulative views per day, nothing else. */
export function videoStatsPartB(data: unknown): unknown {
  if (!isObject(data) || !Array.isArray(data.history)) return data;
  return { series: objects(data.history).map((h) => ({ date: h.date, value: h.view_count })) };
}
