/**
 * The parity report as markdown, on a small fixed report: what a user pastes into a bug report.
 */
import { expect, it } from "vitest";
import { renderParityMarkdown } from "./markdown.js";
import { ParityReport } from "./report.js";

const report: ParityReport = ParityReport.parse({
  kind: "parity",
  generated_at: "2026-03-15T12:00:00.000Z",
  base_url: "https://www.trackagoat.com/api/v1",
  api_generation: "legacy",
  project: { id: "p-1", name: "Spring | Program" },
  request_budget: 25,
  request_count: 4,
  differences: [
    {
      route: "GET /creators",
      kind: "extra_field",
      path: "nickname",
      expected: "not in the contract",
      example: "string",
      occurrences: 8,
      checked_items: 8,
    },
    {
      route: "GET /videos",
      kind: "unknown_enum",
      path: "tracking_status",
      expected: "one of auto_tracked | pending_review | included | excluded | direct_add",
      example: '"under_review"',
      occurrences: 2,
      checked_items: 100,
    },
  ],
  checks: [
    { route: "GET /projects", schema: "project", status: 200, outcome: "matches", items: 1, note: null },
    { route: "GET /creators", schema: "creator", status: 200, outcome: "differs", items: 8, note: null },
    { route: "GET /videos", schema: "video", status: 200, outcome: "differs", items: 100, note: null },
    {
      route: "GET /payout-accruals",
      schema: "accrual",
      status: 403,
      outcome: "error",
      items: 0,
      note: "answered 403 insufficient_scope",
    },
  ],
  not_checked: [
    { what: "Writes", why: "a read-only run sends no write" },
    { what: "The answers of GET /payout-accruals", why: "answered 403 insufficient_scope" },
  ],
  summary: { differences: 2, routes_checked: 3, routes_not_checked: 1, matches_contract: false },
});

it("renders a report ready to paste into a bug report", () => {
  expect(renderParityMarkdown(report)).toMatchInlineSnapshot(`
    "## trackagoat API parity check

    **2 differences** from the contract.

    - API: https://www.trackagoat.com/api/v1 (generation: legacy)
    - Project sampled: Spring | Program (p-1)
    - Routes validated: 3; not validated: 1
    - Requests: 4 of at most 25 (read-only)
    - Run at: 2026-03-15T12:00:00.000Z

    ### Differences

    | route | field | kind | contract | received | items |
    |---|---|---|---|---|---|
    | \`GET /creators\` | \`nickname\` | extra field | not in the contract | string | 8 of 8 |
    | \`GET /videos\` | \`tracking_status\` | unknown enum value | one of auto_tracked \\| pending_review \\| included \\| excluded \\| direct_add | "under_review" | 2 of 100 |

    ### Not checked

    - Writes: a read-only run sends no write
    - The answers of GET /payout-accruals: answered 403 insufficient_scope

    ### Routes asked

    | route | reader | status | outcome | items | note |
    |---|---|---|---|---|---|
    | \`GET /projects\` | project | 200 | matches | 1 | – |
    | \`GET /creators\` | creator | 200 | differs | 8 | – |
    | \`GET /videos\` | video | 200 | differs | 100 | – |
    | \`GET /payout-accruals\` | accrual | 403 | error | 0 | answered 403 insufficient_scope |
    "
  `);
});

it("says a run with unchecked routes is not a clean bill, and hides any key", () => {
  const key = `tga_${"ab".repeat(32)}`;
  const text = renderParityMarkdown({
    ...report,
    base_url: `https://proxy.example/${key}/api/v1`,
    differences: [],
    summary: { differences: 0, routes_checked: 3, routes_not_checked: 1, matches_contract: false },
  });
  expect(text).toContain("not a clean bill");
  expect(text).not.toContain(key);
});
