/**
 * The date range switch: core's presets, or a custom from/to typed as YYYY-MM-DD. A custom range is
 * checked by the workflow's own params schema when the next report runs (errors land in the status line).
 * @module
 */
import { Box, Text, useInput } from "ink";
import TextInput from "ink-text-input";
import { useState } from "react";
import { tone } from "../components/theme.js";
import { RANGE_PRESETS, type RangeChoice, rangeLabel } from "../hooks/range.js";

export function RangeOverlay({
  current,
  onPick,
  onCancel,
}: {
  current: RangeChoice;
  onPick: (range: RangeChoice) => void;
  onCancel: () => void;
}) {
  const options = [...RANGE_PRESETS.map((p) => p as string), "custom"];
  const [selected, setSelected] = useState(
    Math.max(0, "preset" in current ? options.indexOf(current.preset) : options.length - 1),
  );
  const [typing, setTyping] = useState<null | "from" | "to">(null);
  const [from, setFrom] = useState("preset" in current ? "" : current.from);
  const [to, setTo] = useState("preset" in current ? "" : current.to);
  useInput((input, key) => {
    if (key.escape) return typing ? setTyping(null) : onCancel();
    if (typing) return;
    if (key.upArrow || input === "k") setSelected(Math.max(0, selected - 1));
    else if (key.downArrow || input === "j") setSelected(Math.min(options.length - 1, selected + 1));
    else if (key.return) {
      const choice = options[selected]!;
      if (choice === "custom") setTyping("from");
      else onPick({ preset: choice as (typeof RANGE_PRESETS)[number] });
    }
  });
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>{`Date range (now: ${rangeLabel(current)}) · enter picks · esc closes`}</Text>
      {options.map((o, i) => (
        <Text key={o} inverse={i === selected}>{`  ${o.replaceAll("_", " ")}`}</Text>
      ))}
      {typing === "from" ? (
        <Text>
          {"from (YYYY-MM-DD): "}
          <TextInput value={from} onChange={setFrom} onSubmit={() => setTyping("to")} />
        </Text>
      ) : null}
      {typing === "to" ? (
        <Text>
          {`from ${from} · to (YYYY-MM-DD): `}
          <TextInput value={to} onChange={setTo} onSubmit={() => onPick({ from, to })} />
        </Text>
      ) : null}
      <Text color={tone("dim")}>Presets end on the analysis day, inclusive.</Text>
    </Box>
  );
}
