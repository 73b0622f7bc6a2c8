/**
 * The project picker: the organisation's projects with their description and freshness. Freshness is
 * known once a project's health report has been loaded this session (it is not guessed before).
 * @module
 */
import { fetchAll, type ProgramHealthReport, type Project } from "@goatkit/core";
import { Box, Text } from "ink";
import { useFilter } from "../components/filter-box.js";
import { LoadStatus } from "../components/loading.js";
import { type Row, Table } from "../components/table.js";
import { firstLine } from "../components/text-utils.js";
import { tone } from "../components/theme.js";
import { useApp } from "../hooks/app-context.js";
import { useLoad } from "../hooks/use-load.js";
import { useCursor, useScreenKeys } from "../hooks/use-screen.js";

/** The freshness of a project as its loaded health report says, or that it is not checked yet. */
export function projectFreshness(memo: Map<string, unknown>, projectId: string): string {
  for (const [key, value] of memo) {
    if (!key.includes(":program_health:") || !key.includes(projectId)) continue;
    const f = (value as ProgramHealthReport).meta.freshness;
    if (!f.checked || f.is_stale === null) return "not checked";
    return f.stale_count === 0
      ? `fresh (${f.checked_count} creators)`
      : `${f.stale_count} of ${f.checked_count} stale`;
  }
  return "not loaded yet";
}

export function ProjectsScreen({ height }: { height: number }) {
  const app = useApp();
  const state = useLoad<Project[]>("projects", ({ signal, cache }) =>
    fetchAll(app.session.client.projects.list({ limit: 100 }, { signal, cache })),
  );
  const filter = useFilter();
  const projects =
    state.status === "done" ? state.data.filter((p) => filter.matches(p.name, p.description)) : [];
  const [selected, cursor] = useCursor(projects.length);
  useScreenKeys(["list"], (action) => {
    if (filter.onAction(action) || cursor(action)) return true;
    if (action === "open") {
      const p = projects[selected];
      if (p) app.navigate({ screen: "project", projectId: p.id, projectName: p.name });
      return true;
    }
    return false;
  });
  if (state.status !== "done") return <LoadStatus state={state} what="projects" />;
  const w = app.width;
  const nameW = Math.min(30, Math.floor(w * 0.3));
  const freshW = 22;
  const rows: Row[] = projects.map((p) => ({
    key: p.id,
    cells: [p.name, projectFreshness(app.session.memo, p.id), firstLine(p.description)],
  }));
  return (
    <Box flexDirection="column">
      <Text>{`Projects (${state.data.length}). enter opens a project's health.`}</Text>
      {filter.box}
      <Table
        columns={[
          { title: "Project", width: nameW },
          { title: "Freshness", width: freshW },
          { title: "Description", width: Math.max(10, w - nameW - freshW - 6) },
        ]}
        rows={rows}
        selected={selected}
        height={height - 3}
        emptyText={filter.text ? "no project matches the filter" : "this organisation has no projects yet"}
      />
      {projects[selected]?.description ? (
        <Text color={tone("dim")}>{firstLine(projects[selected]!.description)}</Text>
      ) : null}
    </Box>
  );
}
