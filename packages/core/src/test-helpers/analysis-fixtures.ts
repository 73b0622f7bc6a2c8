/** Hand-built videos and creators for the analysis unit tests: every field defaulted, ids readable. */
import type { CreatorInput, VideoInput } from "../analysis/inputs.js";

let seq = 0;

export function video(over: Partial<VideoInput> & { posted_at: string }): VideoInput {
  seq++;
  return {
    id: over.id ?? `v${seq}`,
    project_id: "p1",
    creator_id: "c1",
    title: null,
    view_count: 1000,
    like_count: 0,
    comment_count: 0,
    share_count: 0,
    save_count: 0,
    tracking_status: "auto_tracked",
    last_scraped_at: null,
    ...over,
  };
}

export function creator(over: Partial<CreatorInput> & { id: string }): CreatorInput {
  return {
    project_id: "p1",
    tiktok_handle: over.id,
    display_name: null,
    follower_count: 10_000,
    last_scraped_at: "2026-03-15T11:00:00Z",
    ...over,
  };
}

/** `n` daily posts of one creator, ending `endDay` (inclusive), one per day at `hour`:00 UTC. */
export function dailyPosts(
  creatorId: string,
  endDay: string,
  n: number,
  over: Partial<VideoInput> = {},
  hour = 12,
): VideoInput[] {
  const end = Date.parse(`${endDay}T00:00:00Z`);
  const out: VideoInput[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const posted = new Date(end - i * 86_400_000 + hour * 3_600_000).toISOString();
    out.push(video({ creator_id: creatorId, posted_at: posted, ...over }));
  }
  return out;
}
