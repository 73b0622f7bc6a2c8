/** The outliers table both the content and the program-health pages show (one video per row, against its creator's median). */
import type { CampaignContentReport } from "@goatkit/core";
import { fmt } from "../format.js";
import { table } from "../page.js";

type Outlier = CampaignContentReport["outliers"]["items"][number];

export function outliersTable(items: readonly Outlier[]) {
  return table(
    [
      { label: "video" },
      { label: "direction" },
      { label: "lifetime views", num: true },
      { label: "creator's median", num: true },
      { label: "× creator median", num: true },
    ],
    items.map((o) => [
      o.title ?? o.video_id,
      o.direction === "high" ? "breakout" : "flop",
      fmt.int(o.view_count),
      fmt.int(o.creator_median_views),
      fmt.multiple(o.ratio_to_median),
    ]),
    "outliers",
  );
}
