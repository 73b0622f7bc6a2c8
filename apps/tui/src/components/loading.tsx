/** What a screen shows while its load runs (core's progress line, and how to cancel) or after it failed. @module */
import { formatProgress } from "@goatkit/core";
import { Box, Text } from "ink";
import type { LoadState } from "../hooks/use-load.js";
import { tone } from "./theme.js";

export function LoadStatus({ state, what }: { state: LoadState<unknown>; what: string }) {
  if (state.status === "loading") {
    return (
      <Box flexDirection="column">
        <Text color={tone("accent")}>{`Loading ${what}…`}</Text>
        <Text>{state.progress ? formatProgress(state.progress) : "starting"}</Text>
        <Text color={tone("dim")}>esc cancels</Text>
      </Box>
    );
  }
  if (state.status === "cancelled")
    return (
      <Text color={tone("warn")}>{`Cancelled loading ${what}. Press r to load again, esc to go back.`}</Text>
    );
  if (state.status === "error")
    return <Text color={tone("bad")}>{`Could not load ${what}: ${state.message}`}</Text>;
  return null;
}
