/**
 * What the generator knows about one project once its creators and videos exist; campaigns, goals and
 * payouts are built from it.
 */
import type { CreatorPlan, ProjectContext } from "./creators.js";
import type { Snapshots } from "./snapshots.js";
import type { CreatorRecord, ProjectRecord, VideoRecord } from "./types.js";

export { isCounted } from "../stats/counted.js";

export interface ProjectBuild {
  ctx: ProjectContext;
  project: ProjectRecord;
  plans: CreatorPlan[];
  /** Parallel to `plans`. */
  creators: CreatorRecord[];
  /** Parallel to `plans`: each creator's videos in posting order. */
  byCreator: VideoRecord[][];
  /** Videos added by URL. */
  direct: VideoRecord[];
  snapshots: Snapshots;
}

/** Posting instant of a generated video, without parsing its ISO string. */
export function postedMs(pb: ProjectBuild, v: VideoRecord): number {
  return pb.snapshots.videos.posted[v._snap]!;
}
