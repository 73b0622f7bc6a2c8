/**
 * `goatkit workflows`: every workflow of core's catalogue with its aliases and params, as text (for
 * people) or JSON (`--json`: name, title, description, aliases and the params' JSON Schema).
 * @module
 */
import { workflowJsonSchemas, workflows } from "@goatkit/core";
import { paramFlags } from "./param-flags.js";
import { WORKFLOW_ALIASES } from "./workflow-names.js";

export function listWorkflowsText(): string {
  const out: string[] = [];
  for (const w of workflows) {
    const aliases = WORKFLOW_ALIASES[w.name] ?? [];
    out.push(`${w.name}${aliases.length ? `  (aliases: ${aliases.join(", ")})` : ""}`);
    out.push(`  ${w.title}. ${w.description}`);
    out.push("  params:");
    for (const f of paramFlags(w)) {
      out.push(`    --${f.name.padEnd(24)} ${f.type}${f.required ? ", required" : ""}`);
    }
    out.push(
      `  run: goatkit report ${w.name} ${paramFlags(w)
        .filter((f) => f.required)
        .map((f) => `--${f.name} <${f.name}>`)
        .join(" ")} --format markdown`.trimEnd(),
    );
    out.push("");
  }
  return out.join("\n");
}

export function listWorkflowsJson(): string {
  return JSON.stringify(
    workflows.map((w) => ({
      name: w.name,
      title: w.title,
      description: w.description,
      aliases: WORKFLOW_ALIASES[w.name] ?? [],
      params: workflowJsonSchemas(w).params,
    })),
    null,
    2,
  );
}
