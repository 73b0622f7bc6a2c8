/**
 * A project: program health is its home pane (what needs attention first), with panes for campaigns,
 * creators and videos one tab away. Program health loads once per range and feeds every pane.
 * @module
 */
import type { ProgramHealthReport } from "@goatkit/core";
import { Box, Text } from "ink";
import { useState } from "react";
import { LoadStatus } from "../components/loading.js";
import { tone } from "../components/theme.js";
import { useApp } from "../hooks/app-context.js";
import { rangeParams } from "../hooks/range.js";
import { useReportMeta, useScreenKeys } from "../hooks/use-screen.js";
import { useWorkflow } from "../hooks/use-workflow.js";
import { useNoteActions } from "../notes/use-notes.js";
import { CampaignsPane } from "./campaigns-pane.js";
import { CreatorsPane } from "./creators-pane.js";
import { HealthPane } from "./health-pane.js";
import { VideosPane } from "./videos-pane.js";

export const PANES = ["health", "campaigns", "creators", "videos"] as const;
export type Pane = (typeof PANES)[number];

export function useProgramHealth(projectId: string) {
  const app = useApp();
  return useWorkflow<ProgramHealthReport>("program_health", {
    project_id: projectId,
    ...rangeParams(app.range),
  });
}

export function ProjectScreen({
  projectId,
  height,
  initialPane = "health",
}: {
  projectId: string;
  height: number;
  initialPane?: Pane;
}) {
  const app = useApp();
  const [pane, setPane] = useState<Pane>(initialPane);
  const health = useProgramHealth(projectId);
  const notes = useNoteActions();
  // Functional updates: keys typed faster than a render must each count.
  const switchPane = (action: string) => {
    const step = action === "next_pane" ? 1 : action === "prev_pane" ? PANES.length - 1 : 0;
    if (step === 0) return false;
    setPane((p) => PANES[(PANES.indexOf(p) + step) % PANES.length]!);
    return true;
  };
  // The panes register their own (list) keys beside these; no key is handled by both.
  useScreenKeys(["project", "report"], (action) => {
    if (action === "save_report") {
      if (health.status === "done") void notes.saveReport(health.data);
      return true;
    }
    return switchPane(action);
  });
  useReportMeta(health.status === "done" ? health.data.meta : null);
  const tabs = (
    <Text>
      {PANES.map((p) => (
        <Text key={p} inverse={p === pane} color={p === pane ? tone("accent") : undefined}>
          {p === pane ? `[${p}]` : ` ${p} `}
        </Text>
      ))}
      <Text color={tone("dim")}>{"  (tab switches)"}</Text>
    </Text>
  );
  const body = height - 2;
  return (
    <Box flexDirection="column">
      {tabs}
      {health.status !== "done" ? (
        <LoadStatus state={health} what="program health" />
      ) : pane === "health" ? (
        <HealthPane report={health.data} width={app.width} height={body} />
      ) : pane === "campaigns" ? (
        <CampaignsPane projectId={projectId} height={body} />
      ) : pane === "creators" ? (
        <CreatorsPane projectId={projectId} health={health.data} height={body} />
      ) : (
        <VideosPane report={health.data} height={body} />
      )}
    </Box>
  );
}
