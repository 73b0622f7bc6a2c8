/** An entity's notes on its screen: the first lines, and how to edit them (unless the key is read-only). @module */
import { Text } from "ink";
import { fit } from "../components/text-utils.js";
import { tone } from "../components/theme.js";
import type { LoadState } from "../hooks/use-load.js";

export function NotesBlock({
  note,
  width,
  readOnly,
  max = 2,
}: {
  note: LoadState<string | null>;
  width: number;
  readOnly: boolean;
  max?: number;
}) {
  const hint = readOnly ? "" : " (e edits · w saves this report here)";
  if (note.status === "loading")
    return <Text color={tone("dim")}>{fit(`Notes: loading…${hint}`, width)}</Text>;
  if (note.status !== "done")
    return <Text color={tone("dim")}>{fit("Notes: could not be read.", width)}</Text>;
  const lines = (note.data ?? "").split("\n").filter((l) => l.trim() !== "" && !l.startsWith("<!--"));
  if (lines.length === 0) return <Text color={tone("dim")}>{fit(`Notes: none${hint}`, width)}</Text>;
  const more = lines.length > max ? ` (+${lines.length - max} more lines)` : "";
  return (
    <>
      <Text bold>{fit(`Notes${hint}${more}`, width)}</Text>
      {lines.slice(0, max).map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of one note, in order
        <Text key={i} color={tone("dim")}>
          {fit(`  ${l}`, width)}
        </Text>
      ))}
    </>
  );
}
