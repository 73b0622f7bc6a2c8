/**
 * The `/` filter: a one-line text field that has the keyboard while it is open (the app's keys are off,
 * so typing `q` does not quit). enter keeps the filter, esc clears it.
 * @module
 */
import { Text, useInput } from "ink";
import TextInput from "ink-text-input";
import { type ReactElement, useEffect, useState } from "react";
import { useApp } from "../hooks/app-context.js";
import type { Action } from "../keymap.js";
import { tone } from "./theme.js";

export interface Filter {
  text: string;
  editing: boolean;
  /** For the screen's key handler: opens the field on `/`, clears a kept filter on back. */
  onAction(action: Action): boolean;
  matches(...fields: (string | null | undefined)[]): boolean;
  box: ReactElement | null;
}

export function useFilter(): Filter {
  const app = useApp();
  const [text, setText] = useState("");
  const [editing, setEditing] = useState(false);
  useEffect(() => () => app.setTyping(false), [app]);
  const stop = (keep: boolean) => {
    if (!keep) setText("");
    setEditing(false);
    app.setTyping(false);
  };
  const onAction = (action: Action) => {
    if (action === "filter") {
      setEditing(true);
      app.setTyping(true);
      return true;
    }
    if (action === "back" && text) {
      setText("");
      return true;
    }
    return false;
  };
  const needle = text.toLowerCase();
  const matches = (...fields: (string | null | undefined)[]) =>
    !needle || fields.some((f) => f?.toLowerCase().includes(needle));
  const box = editing ? (
    <FilterField value={text} onChange={setText} onDone={stop} />
  ) : text ? (
    <Text color={tone("accent")}>{`filter: ${text}  (esc clears)`}</Text>
  ) : null;
  return { text, editing, onAction, matches, box };
}

function FilterField({
  value,
  onChange,
  onDone,
}: {
  value: string;
  onChange: (v: string) => void;
  onDone: (keep: boolean) => void;
}) {
  useInput((_input, key) => {
    if (key.escape) onDone(false);
  });
  return (
    <Text>
      <Text color={tone("accent")}>/</Text>
      <TextInput value={value} onChange={onChange} onSubmit={() => onDone(true)} />
    </Text>
  );
}
