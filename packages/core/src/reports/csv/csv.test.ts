/**
 * CSV exports are RFC 4180: one header row, CRLF after every record, fields holding a comma, quote, CR or
 * LF quoted with quotes doubled, null as an empty field. Each report's CSV is parsed back with a strict
 * hand-written parser and must be a rectangle: as many fields on every row as in the header.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { withSandbox } from "../../test-helpers/sandbox.js";
import { workflows } from "../../workflows/catalogue/catalogue.js";
import type { Report } from "../schema/index.js";
import { csvField, recordsCsv, toCsv } from "./common.js";
import { renderCsv } from "./index.js";

/**
 * RFC 4180, strictly: a record ends in CRLF (the last one too); a quoted field may hold anything, with
 * "" for a quote; an unquoted field holds no quote, comma, CR or LF. Anything else throws.
 */
function parseCsv(text: string): string[][] {
  if (!text.endsWith("\r\n")) throw new Error("the last record must end in CRLF");
  const records: string[][] = [];
  let i = 0;
  while (i < text.length) {
    const record: string[] = [];
    for (;;) {
      let field = "";
      if (text[i] === '"') {
        for (i++; ; i++) {
          if (i >= text.length) throw new Error("unterminated quoted field");
          if (text[i] !== '"') field += text[i];
          else if (text[i + 1] === '"') field += text[i++];
          else break;
        }
        i++;
      } else {
        for (; i < text.length && !",\r\n".includes(text[i]!); i++) {
          if (text[i] === '"') throw new Error(`a quote inside an unquoted field at ${i}`);
          field += text[i];
        }
      }
      record.push(field);
      if (text[i] === ",") i++;
      else if (text.startsWith("\r\n", i)) {
        i += 2;
        break;
      } else throw new Error(`expected a comma or CRLF at ${i}, found ${JSON.stringify(text[i])}`);
    }
    records.push(record);
  }
  return records;
}

describe("the test's parser", () => {
  it("reads quoted fields and refuses what RFC 4180 does not allow", () => {
    expect(parseCsv('a,"b,c","say ""hi""","x\r\ny",\r\n')).toEqual([["a", "b,c", 'say "hi"', "x\r\ny", ""]]);
    expect(() => parseCsv("a,b\n")).toThrow();
    expect(() => parseCsv("a,b")).toThrow();
    expect(() => parseCsv('a"b\r\n')).toThrow();
    expect(() => parseCsv('"a"b\r\n')).toThrow();
  });
});

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\ronly", '"cr\ronly"'],
    ["", ""],
  ])("%j → %j", (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it("writes null as an empty field and numbers as they are", () => {
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField(Number.NaN)).toBe("");
    expect(csvField(0.0812)).toBe("0.0812");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(1_250_000)).toBe("1250000");
    expect(csvField(false)).toBe("false");
  });

  it("guards text a spreadsheet would run as a formula, and quotes the result when needed", () => {
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("+1 for this")).toBe("'+1 for this");
    expect(csvField("-50% today")).toBe("'-50% today");
    expect(csvField("@finn check this")).toBe("'@finn check this");
    expect(csvField('=A1,"x"')).toBe('"\'=A1,""x"""');
    expect(csvField("a=b")).toBe("a=b");
  });
});

describe("toCsv and recordsCsv", () => {
  it("writes one header row and CRLF after every record", () => {
    expect(
      toCsv(
        ["id", "title", "views"],
        [
          ["v1", 'Hello, "world"', 1200],
          ["v2", null, 0],
        ],
      ),
    ).toBe('id,title,views\r\nv1,"Hello, ""world""",1200\r\nv2,,0\r\n');
    expect(toCsv(["a"], [])).toBe("a\r\n");
  });

  it("refuses a row out of step with the header instead of shifting columns", () => {
    expect(() => toCsv(["a", "b"], [["x"]])).toThrow(/row 1 has 1 values for 2 columns/);
    expect(() => toCsv(["a"], [["x", "y"]])).toThrow(/row 1/);
    expect(() => toCsv(["a", "b"], [["x", undefined]])).toThrow(/no value for column b/);
  });

  it("refuses a column its records do not have (a renamed field)", () => {
    const rows = [{ id: "v1", views: 3 }] as Array<{ id: string; views: number; posts?: number }>;
    expect(recordsCsv(["id", "views"], rows)).toBe("id,views\r\nv1,3\r\n");
    expect(() => recordsCsv(["id", "posts"], rows)).toThrow(/column posts/);
  });

  it("round-trips tricky text through the parser", () => {
    const titles = ["a,b", 'q"q', "multi\r\nline", "lf\nonly", "  spaced  ", "emoji 🐐, too"];
    const parsed = parseCsv(
      toCsv(
        ["title"],
        titles.map((t) => [t]),
      ),
    );
    expect(parsed).toEqual([["title"], ...titles.map((t) => [t])]);
  });
});

describe("every report's CSV, from the sandbox", () => {
  const sandbox = withSandbox();
  const reports = new Map<string, Report>();

  beforeAll(async () => {
    const { client, sandbox: sb } = sandbox();
    const as_of = sb.truth.as_of;
    const project = (await client.projects.list()).data[0]!;
    const campaign = (await client.campaigns.list({ project_id: project.id })).data[0]!;
    const creator = (await client.creators.list({ project_id: project.id })).data[0]!;
    const params: Record<string, object> = {
      campaign_performance: { campaign_id: campaign.id, as_of },
      campaign_comparison: { project_id: project.id, as_of },
      underperforming_creators: { project_id: project.id, as_of },
      campaign_content: { campaign_id: campaign.id, as_of },
      creator_trend: { creator_id: creator.id, project_id: project.id, as_of },
      program_health: { project_id: project.id, as_of },
    };
    for (const w of workflows) {
      const run = w.run as (c: typeof client, p: object) => Promise<Report>;
      reports.set(w.name, await run(client, params[w.name]!));
    }
  });

  it.each(workflows.map((w) => [w.name, w] as const))("%s: a rectangle under one header row", (name, w) => {
    const report = reports.get(name)!;
    const csv = (w.csv as (r: Report) => string)(report);
    expect(renderCsv(report)).toBe(csv);
    const [header, ...rows] = parseCsv(csv);
    expect(header!.length).toBeGreaterThan(1);
    expect(new Set(header).size).toBe(header!.length);
    for (const column of header!) expect(column).toMatch(/^[a-z]+(_[a-z0-9]+)*$/);
    expect(rows.length).toBeGreaterThan(0);
    for (const [n, row] of rows.entries()) expect(row.length, `row ${n + 1}`).toBe(header!.length);
    // Every record ends in CRLF, and no bare LF or CR sits outside a quoted field.
    expect(csv.replace(/"(?:[^"]|"")*"/g, "").replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("campaign_performance: the parsed rows are the report's values, null as empty", () => {
    const report = reports.get("campaign_performance")!;
    if (report.kind !== "campaign_performance") throw new Error("wrong kind");
    const [header, ...rows] = parseCsv(renderCsv(report));
    const field = (v: unknown) =>
      v === null ? "" : typeof v === "string" && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v);
    const expected = report.top_videos.map((v) =>
      header!.map((c) => field((v as unknown as Record<string, unknown>)[c])),
    );
    expect(rows).toEqual(expected);
    // The sandbox's titles hold commas, so quoting is exercised on real data, not only on fixtures.
    expect(report.top_videos.some((v) => v.title?.includes(","))).toBe(true);
  });
});
