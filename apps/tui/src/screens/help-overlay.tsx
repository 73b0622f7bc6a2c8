/** The `?` help, rendered from the keymap (the same table input handling uses). @module */
import { Box, Text } from "ink";
import { tone } from "../components/theme.js";
import { helpSections, type KeyContext } from "../keymap.js";

export function HelpOverlay({ contexts, readOnly }: { contexts?: readonly KeyContext[]; readOnly: boolean }) {
  // The conflict question's keys matter wherever notes can be edited.
  const shown = contexts?.includes("notes") ? [...contexts, "conflict" as const] : contexts;
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>Keys (? or esc closes)</Text>
      {helpSections(shown, readOnly).map((s) => (
        <Box key={s.title} flexDirection="column" marginTop={1}>
          <Text bold color={tone("accent")}>
            {s.title}
          </Text>
          {s.rows.map(([keys, what]) => (
            <Text key={keys}>{`  ${keys.padEnd(16)} ${what}`}</Text>
          ))}
        </Box>
      ))}
    </Box>
  );
}
