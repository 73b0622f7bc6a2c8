/**
 * The Ink app: a stack of screens (projects → project → campaign / creator / compare) in a frame of
 * banner, title, freshness line, status line and footer. Keys go through the keymap: global actions
 * (quit, help, range, refresh, back, and esc-cancels-a-load) are handled here, the rest by the screens
 * that registered for them.
 * @module
 */
import type { ReportMeta } from "@goatkit/core";
import { Box, Text, useApp as useInkApp, useInput, useStdout } from "ink";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Banner, Footer, FreshnessLine, freshnessText, StatusLine, TitleBar } from "./components/chrome.js";
import { tone } from "./components/theme.js";
import {
  AppContext,
  type AppContextValue,
  LoadRegistry,
  type Route,
  type ScreenKeys,
  type Status,
} from "./hooks/app-context.js";
import { DEFAULT_RANGE, type RangeChoice, rangeLabel } from "./hooks/range.js";
import { actionFor, footerHints, type KeyContext } from "./keymap.js";
import { CampaignScreen } from "./screens/campaign-screen.js";
import { CompareScreen } from "./screens/compare-screen.js";
import { CreatorScreen } from "./screens/creator-screen.js";
import { HelpOverlay } from "./screens/help-overlay.js";
import { ProjectScreen } from "./screens/project-screen.js";
import { ProjectsScreen } from "./screens/projects-screen.js";
import { RangeOverlay } from "./screens/range-overlay.js";
import type { Session } from "./session/session.js";

export interface AppProps {
  session: Session;
  initialRange?: RangeChoice;
  /** Fixed size (tests); default: the terminal's, following resizes. */
  size?: { columns: number; rows: number };
  /** The editor for notes (`$VISUAL` / `$EDITOR`); null or absent: notes are edited inline. */
  editor?: string | null;
  /** Where project-wide reports are saved as files; default: the working directory. */
  reportsDir?: string;
}

function useTerminalSize(fixed?: { columns: number; rows: number }) {
  const { stdout } = useStdout();
  const read = () => fixed ?? { columns: stdout.columns || 80, rows: stdout.rows || 24 };
  const [size, setSize] = useState(read);
  useEffect(() => {
    if (fixed) return;
    const onResize = () => setSize({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
    stdout.on("resize", onResize);
    return () => {
      stdout.off("resize", onResize);
    };
  }, [stdout, fixed]);
  return size;
}

function crumb(route: Route): string {
  switch (route.screen) {
    case "projects":
      return "projects";
    case "project":
      return route.projectName;
    case "campaign":
      return `campaign ${route.name}`;
    case "creator":
      return `@${route.handle}`;
    case "compare":
      return `compare ${route.campaignIds.length} campaigns`;
  }
}

export function App({
  session,
  initialRange = DEFAULT_RANGE,
  size,
  editor = null,
  reportsDir = process.cwd(),
}: AppProps) {
  const ink = useInkApp();
  const { columns, rows } = useTerminalSize(size);
  const [stack, setStack] = useState<Route[]>([{ screen: "projects" }]);
  const [overlay, setOverlay] = useState<null | "help" | "range">(null);
  const [modal, setModal] = useState<ReactNode | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [readOnly, setReadOnlyState] = useState<string | null>(null);
  const [range, setRange] = useState<RangeChoice>(initialRange);
  const [generation, setGeneration] = useState(0);
  const [meta, setMeta] = useState<ReportMeta | null>(null);
  const [, setKeysVersion] = useState(0);
  const typing = useRef(false);
  const keys = useRef<ScreenKeys[]>([]);
  const loads = useMemo(() => new LoadRegistry(), []);
  const [loading, setLoading] = useState(0);
  useEffect(() => loads.subscribe(() => setLoading(loads.size)), [loads]);

  const width = Math.max(40, columns - 1);
  const registerKeys = useCallback((k: ScreenKeys) => {
    keys.current = [...keys.current, k];
    setKeysVersion((v) => v + 1);
    return () => {
      keys.current = keys.current.filter((x) => x !== k);
      setKeysVersion((v) => v + 1);
    };
  }, []);
  const contexts = [...new Set(keys.current.flatMap((k) => k.contexts))] as KeyContext[];

  const ctx: AppContextValue = useMemo(
    () => ({
      session,
      range,
      generation,
      width,
      height: rows,
      setStatus,
      loads,
      readOnly,
      setReadOnly: (reason: string) => setReadOnlyState(reason),
      navigate: (route: Route) => {
        setStatus(null);
        setStack((s) => [...s, route]);
      },
      registerKeys,
      setTyping: (t: boolean) => {
        typing.current = t;
      },
      setMeta,
      showModal: setModal,
      reload: () => {
        session.memo.clear();
        setGeneration((g) => g + 1);
      },
      editor,
      reportsDir,
    }),
    [session, range, generation, width, rows, loads, readOnly, registerKeys, editor, reportsDir],
  );

  useInput((input, key) => {
    if (overlay === "range" || modal !== null || typing.current) return;
    const action = actionFor(input, key, contexts, readOnly !== null);
    if (!action) return;
    if (overlay === "help") {
      if (action === "quit") ink.exit();
      else if (action === "help" || action === "back") setOverlay(null);
      return;
    }
    switch (action) {
      case "quit":
        ink.exit();
        return;
      case "help":
        setOverlay("help");
        return;
      case "range":
        setOverlay("range");
        return;
      case "refresh":
        session.refresh();
        setGeneration((g) => g + 1);
        setStatus({ kind: "info", text: "Refreshed: cache dropped, loading again." });
        return;
      case "back":
        // esc while loading cancels the load (core's signal); otherwise it goes back.
        if (key.escape && loads.size > 0) {
          loads.cancelAll();
          return;
        }
        if (keys.current.some((k) => k.onAction("back"))) return;
        if (stack.length > 1) {
          setStatus(null);
          setStack((s) => s.slice(0, -1));
        }
        return;
      default:
        for (const k of [...keys.current].reverse()) if (k.onAction(action)) return;
    }
  });

  const route = stack[stack.length - 1]!;
  const chrome = (session.demo ? 1 : 0) + 5 + (readOnly ? 1 : 0);
  const bodyHeight = Math.max(6, rows - chrome);
  const screen = (() => {
    switch (route.screen) {
      case "projects":
        return <ProjectsScreen height={bodyHeight} />;
      case "project":
        return <ProjectScreen projectId={route.projectId} height={bodyHeight} />;
      case "campaign":
        return (
          <CampaignScreen projectId={route.projectId} campaignId={route.campaignId} height={bodyHeight} />
        );
      case "creator":
        return <CreatorScreen projectId={route.projectId} creatorId={route.creatorId} height={bodyHeight} />;
      case "compare":
        return (
          <CompareScreen projectId={route.projectId} campaignIds={route.campaignIds} height={bodyHeight} />
        );
    }
  })();

  const fresh = freshnessText(
    meta,
    route.screen === "projects"
      ? "Freshness: shown per project once its health is loaded (enter)"
      : "Freshness: unknown until this screen's report has loaded",
  );
  return (
    <AppContext.Provider value={ctx}>
      <Box flexDirection="column" width={columns}>
        {session.demo ? <Banner label={session.label} width={width} /> : null}
        <TitleBar
          crumbs={stack.map(crumb)}
          right={`${rangeLabel(range)}${loading ? " · loading" : ""}`}
          width={width}
        />
        <Box flexDirection="column" height={bodyHeight} overflow="hidden">
          {modal}
          {overlay === "help" && modal === null ? (
            <HelpOverlay contexts={contexts} readOnly={readOnly !== null} />
          ) : null}
          {overlay === "range" ? (
            <RangeOverlay
              current={range}
              onCancel={() => setOverlay(null)}
              onPick={(r) => {
                setRange(r);
                setOverlay(null);
                setStatus({ kind: "info", text: `Range: ${rangeLabel(r)}` });
              }}
            />
          ) : null}
          {/* Hidden, not unmounted, under an overlay: the screen keeps its pane, cursor and filter. */}
          <Box
            key={`${stack.length}:${generation}`}
            flexDirection="column"
            display={overlay || modal !== null ? "none" : "flex"}
          >
            {screen}
          </Box>
        </Box>
        <FreshnessLine text={fresh} stale={meta?.freshness.is_stale === true} width={width} />
        <StatusLine status={status} readOnly={readOnly} width={width} />
        {status ? null : <Text color={tone("dim")}> </Text>}
        <Footer hints={footerHints(contexts, readOnly !== null)} width={width} />
      </Box>
    </AppContext.Provider>
  );
}
