/**
 * The project's campaigns as the API lists them (name, target, notes); enter opens one, space marks
 * campaigns and c compares the marked ones over the current range.
 * @module
 */
import { type Campaign, fetchAll } from "@goatkit/core";
import { formatCompact } from "@goatkit/core/reports";
import { Box, Text } from "ink";
import { useState } from "react";
import { useFilter } from "../components/filter-box.js";
import { LoadStatus } from "../components/loading.js";
import { type Row, Table } from "../components/table.js";
import { firstLine } from "../components/text-utils.js";
import { useApp } from "../hooks/app-context.js";
import { useLoad } from "../hooks/use-load.js";
import { useCursor, useScreenKeys } from "../hooks/use-screen.js";

export function useCampaigns(projectId: string) {
  const app = useApp();
  return useLoad<Campaign[]>(`campaigns:${projectId}`, ({ signal, cache }) =>
    fetchAll(app.session.client.campaigns.list({ project_id: projectId, limit: 100 }, { signal, cache })),
  );
}

export function CampaignsPane({ projectId, height }: { projectId: string; height: number }) {
  const app = useApp();
  const state = useCampaigns(projectId);
  const filter = useFilter();
  const [marked, setMarked] = useState<string[]>([]);
  const campaigns =
    state.status === "done" ? state.data.filter((c) => filter.matches(c.name, c.description)) : [];
  const [selected, cursor] = useCursor(campaigns.length);
  useScreenKeys(["list", "project", "campaigns"], (action) => {
    if (filter.onAction(action) || cursor(action)) return true;
    const c = campaigns[selected];
    if (action === "open" && c) {
      app.navigate({ screen: "campaign", projectId, campaignId: c.id, name: c.name });
      return true;
    }
    if (action === "mark" && c) {
      setMarked(marked.includes(c.id) ? marked.filter((id) => id !== c.id) : [...marked, c.id]);
      return true;
    }
    if (action === "compare") {
      if (marked.length < 2)
        app.setStatus({ kind: "info", text: "Mark two or more campaigns with space, then press c." });
      else app.navigate({ screen: "compare", projectId, campaignIds: marked });
      return true;
    }
    return false;
  });
  if (state.status !== "done") return <LoadStatus state={state} what="campaigns" />;
  const w = app.width;
  const rows: Row[] = campaigns.map((c) => ({
    key: c.id,
    marked: marked.includes(c.id),
    cells: [
      c.name,
      c.target_views === null ? "—" : formatCompact(c.target_views),
      c.target_at?.slice(0, 10) ?? "—",
      firstLine(c.description),
    ],
  }));
  return (
    <Box flexDirection="column">
      <Text>{`${state.data.length} campaigns · ${marked.length} marked (space) · c compares`}</Text>
      {filter.box}
      <Table
        columns={[
          { title: "Campaign", width: 28 },
          { title: "Target", width: 8, align: "right" },
          { title: "By", width: 10 },
          { title: "Notes", width: Math.max(10, w - 56) },
        ]}
        rows={rows}
        selected={selected}
        height={height - 3}
      />
    </Box>
  );
}
