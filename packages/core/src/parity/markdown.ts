/**
 * The parity report as markdown, ready to paste into a bug report: the headline, the differences by
 * route, what was not checked, and the routes asked. It never carries a key: the report holds none, and
 * the text goes through the same secret scrubber as the client's errors in case a URL did.
 * @module
 */
import { redactSecrets } from "../client/redact.js";
import { bullets, sections, table } from "../reports/markdown/common.js";
import type { ParityDifference, ParityReport } from "./report.js";

const KIND_WORDS: Record<ParityDifference["kind"], string> = {
  missing_field: "missing field",
  extra_field: "extra field",
  type_mismatch: "type",
  unknown_enum: "unknown enum value",
  envelope: "envelope",
};

const code = (s: string) => (s === "" ? "(data)" : `\`${s.replace(/`/g, "'")}\``);

export function renderParityMarkdown(report: ParityReport): string {
  const { summary } = report;
  const verdict = summary.matches_contract
    ? "No differences found on the routes checked."
    : summary.differences > 0
      ? `**${summary.differences} difference${summary.differences === 1 ? "" : "s"}** from the contract.`
      : "No differences found, but some routes could not be checked (see below): this is not a clean bill.";
  const head = [
    "## trackagoat API parity check",
    "",
    verdict,
    "",
    `- API: ${report.base_url} (generation: ${report.api_generation})`,
    `- Project sampled: ${report.project ? `${report.project.name ?? "(unnamed)"} (${report.project.id})` : "none"}`,
    `- Routes validated: ${summary.routes_checked}; not validated: ${summary.routes_not_checked}`,
    `- Requests: ${report.request_count} of at most ${report.request_budget} (read-only)`,
    `- Run at: ${report.generated_at}`,
  ].join("\n");

  const differences =
    report.differences.length === 0
      ? null
      : [
          "### Differences",
          "",
          table(
            ["route", "field", "kind", "contract", "received", "items"],
            report.differences.map((d) => [
              code(d.route),
              code(d.path),
              KIND_WORDS[d.kind],
              d.expected,
              d.example,
              `${d.occurrences} of ${d.checked_items}`,
            ]),
          ),
        ].join("\n");

  const notChecked = [
    "### Not checked",
    "",
    bullets(report.not_checked.map((n) => `${n.what}: ${n.why}`)),
  ].join("\n");

  const checks = [
    "### Routes asked",
    "",
    table(
      ["route", "reader", "status", "outcome", "items", "note"],
      report.checks.map((c) => [code(c.route), c.schema, c.status, c.outcome, c.items, c.note]),
    ),
  ].join("\n");

  return redactSecrets(sections(head, differences, notChecked, checks));
}
