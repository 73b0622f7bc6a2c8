/**
 * The two questions notes can ask, shown over the screen and holding the keyboard: the inline editor
 * (when there is no `$EDITOR`), and what to do when the note changed since it was shown.
 * @module
 */
import { Box, Text, useInput } from "ink";
import TextInput from "ink-text-input";
import { useRef, useState } from "react";
import { firstLine, fit } from "../components/text-utils.js";
import { tone } from "../components/theme.js";
import { actionFor } from "../keymap.js";

/** Line breaks in the one-line field; turned back into newlines on save. */
export const LINE_BREAK = " ⏎ ";

export function toInline(text: string | null): string {
  return (text ?? "").trimEnd().replaceAll("\n", LINE_BREAK);
}

export function fromInline(text: string): string {
  return text.replaceAll(LINE_BREAK.trim(), "\n").replace(/ *\n */g, "\n");
}

export function NotePrompt({
  label,
  initial,
  width,
  onSubmit,
  onCancel,
}: {
  label: string;
  initial: string | null;
  width: number;
  onSubmit(text: string): void;
  onCancel(): void;
}) {
  const [value, setValue] = useState(toInline(initial));
  // What was typed, also before React has re-rendered: enter right after a key must not lose it.
  const typed = useRef(value);
  const change = (v: string) => {
    typed.current = v;
    setValue(v);
  };
  useInput((_input, key) => {
    if (key.escape) onCancel();
  });
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>{fit(`Notes of ${label} · enter saves · esc cancels`, width - 4)}</Text>
      <Text color={tone("dim")}>
        {fit(
          `No $EDITOR set: editing inline; "⏎" marks a line break. Set EDITOR to use your editor.`,
          width - 4,
        )}
      </Text>
      <Box marginTop={1}>
        <Text>{"> "}</Text>
        <TextInput value={value} onChange={change} onSubmit={() => onSubmit(fromInline(typed.current))} />
      </Box>
    </Box>
  );
}

export function ConflictPrompt({
  label,
  current,
  width,
  keptIn,
  onOverwrite,
  onCancel,
}: {
  label: string;
  current: string | null;
  width: number;
  /** Where the user's text is kept if they cancel (the editor's temp file), if anywhere. */
  keptIn: string | null;
  onOverwrite(): void;
  onCancel(): void;
}) {
  useInput((input, key) => {
    const action = actionFor(input, key, ["conflict"]);
    if (action === "overwrite") onOverwrite();
    else if (action === "back") onCancel();
  });
  const lines = (current ?? "").split("\n").filter((l) => l.trim() !== "");
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={tone("warn")} paddingX={1}>
      <Text bold color={tone("warn")}>
        {fit(`The notes of ${label} changed since they were shown.`, width - 4)}
      </Text>
      <Text>
        {fit("The API replaces the whole note: saving now would drop the other change.", width - 4)}
      </Text>
      <Text color={tone("dim")}>
        {fit(
          lines.length ? `Now: ${firstLine(lines.slice(0, 3).join(" · "))}` : "Now: (the note is empty)",
          width - 4,
        )}
      </Text>
      <Box marginTop={1}>
        <Text>
          {fit(
            `o overwrite with your text · esc cancel${keptIn ? ` (your text stays in ${keptIn})` : ""}`,
            width - 4,
          )}
        </Text>
      </Box>
    </Box>
  );
}
