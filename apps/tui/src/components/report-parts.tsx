/**
 * Parts every report screen shows the same way: a titled section, the highlights, the caveats (they
 * travel with the numbers), and the notes operators wrote on the entities read.
 * @module
 */
import type { ReportMeta } from "@goatkit/core";
import { Box, Text } from "ink";
import type { ReactNode } from "react";
import { fit } from "./text-utils.js";
import { tone } from "./theme.js";

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold color={tone("accent")}>
        {title}
      </Text>
      {children}
    </Box>
  );
}

export function Lines({ lines, width, max = 6 }: { lines: readonly string[]; width: number; max?: number }) {
  return (
    <>
      {lines.slice(0, max).map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static lines of one render
        <Text key={i}>{fit(`• ${l}`, width)}</Text>
      ))}
      {lines.length > max ? <Text color={tone("dim")}>{`  … ${lines.length - max} more`}</Text> : null}
    </>
  );
}

export function Caveats({ meta, width, max = 4 }: { meta: ReportMeta; width: number; max?: number }) {
  if (meta.caveats.length === 0) return null;
  return (
    <Section title={`Caveats (${meta.caveats.length})`}>
      {meta.caveats.slice(0, max).map((c) => (
        <Text key={`${c.code}:${c.message}`} color={tone("warn")}>
          {fit(`! ${c.message}`, width)}
        </Text>
      ))}
      {meta.caveats.length > max ? (
        <Text
          color={tone("dim")}
        >{`  … ${meta.caveats.length - max} more (goatkit report … shows all)`}</Text>
      ) : null}
    </Section>
  );
}

export function Notes({ meta, width }: { meta: ReportMeta; width: number }) {
  if (meta.notes.length === 0) return null;
  return (
    <Section title="Notes">
      {meta.notes.slice(0, 3).map((n) => (
        <Text key={`${n.entity}:${n.id}`}>
          {fit(`${n.entity} ${n.name ?? n.id}: ${n.description}`, width)}
        </Text>
      ))}
    </Section>
  );
}
