/**
 * Request bodies take only real dates (the docs define a day as YYYY-MM-DD and a timestamp as ISO 8601);
 * response schemas stay tolerant, so the client never refuses what the API answers.
 */
import { describe, expect, it } from "vitest";
import * as schemas from "./index.js";
import {
  Annotation,
  CalendarDay,
  Campaign,
  CreateAnnotationBody,
  CreateCampaignBody,
  CreateCreatorBody,
  CreateGoalBody,
  CreatePayoutPaymentBody,
  Goal,
  IsoDateTime,
  PayoutAssignmentBody,
  PayoutPayment,
  UpdateAnnotationBody,
  UpdateCampaignBody,
  UpdateGoalBody,
} from "./index.js";

const ID = "3f1c2b7e-9a4d-4c1e-8f00-123456789abc";
const T = "2026-04-01T12:00:00Z";

describe("CalendarDay", () => {
  it.each(["2026-03-31", "2024-02-29", "2000-02-29", "2026-12-31", "1999-01-01"])("accepts %s", (day) => {
    expect(CalendarDay.parse(day)).toBe(day);
  });

  it.each([
    "2026-13-45",
    "2026-99-99",
    "2026-02-29",
    "1900-02-29",
    "2026-04-31",
    "2026-00-10",
    "2026-01-00",
    "2026-1-5",
    "20260105",
    "2026-01-05T00:00:00Z",
    " 2026-01-05",
    "",
    "not-a-date",
  ])("refuses %j", (bad) => {
    const result = CalendarDay.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("expected a calendar date as YYYY-MM-DD");
  });
});

describe("IsoDateTime", () => {
  it.each([
    "2026-04-01T12:00:00Z",
    "2026-04-01T12:00:00.123Z",
    "2026-04-01T23:59:59+02:00",
    "2024-02-29T00:00:00-05:30",
  ])("accepts %s", (iso) => {
    expect(IsoDateTime.parse(iso)).toBe(iso);
  });

  it.each([
    "not-a-date",
    "yesterday-ish",
    "2026-04-01",
    "2026-02-30T00:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-04-01T24:00:00Z",
    "2026-04-01T12:60:00Z",
    "2026-04-01T12:00:00", // no zone: which instant is it?
    "2026-04-01 12:00:00Z",
    "1711972800000",
  ])("refuses %j", (bad) => {
    const result = IsoDateTime.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/ISO 8601 date-time/);
  });
});

/** Every date-bearing request field, with a valid body around it. */
const DATE_FIELDS: Array<{
  name: string;
  schema: { safeParse(v: unknown): { success: boolean } };
  body: object;
  field: string;
  kind: "day" | "instant";
}> = [
  {
    name: "CreateCreatorBody",
    schema: CreateCreatorBody,
    body: { tiktok_handle: "goat" },
    field: "tracking_start_date",
    kind: "day",
  },
  {
    name: "CreateCampaignBody",
    schema: CreateCampaignBody,
    body: { name: "Spring" },
    field: "target_at",
    kind: "instant",
  },
  { name: "UpdateCampaignBody", schema: UpdateCampaignBody, body: {}, field: "target_at", kind: "instant" },
  {
    name: "CreateGoalBody",
    schema: CreateGoalBody,
    body: { metric: "posts", period: "weekly", target_value: 3 },
    field: "start_date",
    kind: "day",
  },
  {
    name: "CreateGoalBody",
    schema: CreateGoalBody,
    body: { metric: "posts", period: "weekly", target_value: 3 },
    field: "end_date",
    kind: "day",
  },
  { name: "UpdateGoalBody", schema: UpdateGoalBody, body: {}, field: "start_date", kind: "day" },
  { name: "UpdateGoalBody", schema: UpdateGoalBody, body: {}, field: "end_date", kind: "day" },
  {
    name: "PayoutAssignmentBody",
    schema: PayoutAssignmentBody,
    body: { creator_id: ID },
    field: "start_date",
    kind: "day",
  },
  {
    name: "PayoutAssignmentBody",
    schema: PayoutAssignmentBody,
    body: { creator_id: ID },
    field: "end_date",
    kind: "day",
  },
  {
    name: "CreatePayoutPaymentBody",
    schema: CreatePayoutPaymentBody,
    body: { creator_id: ID, method_id: ID, amount_cents: 100 },
    field: "paid_at",
    kind: "instant",
  },
  {
    name: "CreateAnnotationBody",
    schema: CreateAnnotationBody,
    body: { label: "Launch" },
    field: "date",
    kind: "day",
  },
  { name: "UpdateAnnotationBody", schema: UpdateAnnotationBody, body: {}, field: "date", kind: "day" },
];

describe("every date-bearing request field", () => {
  it.each(DATE_FIELDS.map((f) => [`${f.name}.${f.field}`, f] as const))(
    "%s takes only a real date",
    (_, f) => {
      const good = f.kind === "day" ? "2026-03-01" : T;
      expect(f.schema.safeParse({ ...f.body, [f.field]: good }).success).toBe(true);
      const bads =
        f.kind === "day"
          ? ["2026-13-45", "2026-99-99", "2026-02-30", T]
          : ["not-a-date", "yesterday-ish", "2026-02-30T10:00:00Z", "2026-03-01"];
      for (const bad of bads)
        expect(f.schema.safeParse({ ...f.body, [f.field]: bad }).success, bad).toBe(false);
    },
  );
});

/** JSON Schema properties of a body, through `anyOf` (nullable) and array items. */
function dateLikeProps(schema: Record<string, unknown>, prefix = ""): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const [name, prop] of Object.entries(props)) {
    const path = prefix + name;
    const variants = (prop.anyOf as Record<string, unknown>[] | undefined) ?? [prop];
    for (const v of variants) {
      const types = ([] as unknown[]).concat(v.type); // `["string", "null"]` for a nullable plain string
      if (types.includes("array") && v.items)
        out.push(...dateLikeProps(v.items as Record<string, unknown>, `${path}.`));
      if (types.includes("string") && /(^date$|_date$|_at$)/.test(name)) out.push([path, v.format]);
    }
  }
  return out;
}

describe("no date field escapes the check", () => {
  const bodies = Object.entries(schemas).filter(([name]) => name.endsWith("Body"));
  it("finds the request bodies", () => {
    expect(bodies.length).toBeGreaterThanOrEqual(20);
  });
  it.each(bodies)(
    "%s: every *_date, *_at and date field is a calendar date or an ISO date-time",
    (_, schema) => {
      const json = (schema as unknown as { toJSONSchema(p: object): Record<string, unknown> }).toJSONSchema({
        io: "input",
        unrepresentable: "any",
      });
      for (const [path, format] of dateLikeProps(json))
        expect([path, format]).toEqual([path, expect.stringMatching(/^date(-time)?$/)]);
    },
  );
  it("the walker sees every field of DATE_FIELDS", () => {
    const seen = new Set(
      bodies.flatMap(([name, schema]) =>
        dateLikeProps(
          (schema as unknown as { toJSONSchema(p: object): Record<string, unknown> }).toJSONSchema({
            io: "input",
            unrepresentable: "any",
          }),
        ).map(([path]) => `${name}.${path}`),
      ),
    );
    for (const f of DATE_FIELDS) expect(seen).toContain(`${f.name}.${f.field}`);
  });
});

describe("responses stay tolerant", () => {
  it("parses odd dates the API might send instead of refusing the response", () => {
    const goal = Goal.parse({
      id: ID,
      creator_id: ID,
      project_id: ID,
      metric: "posts",
      period: "weekly",
      target_value: 3,
      start_date: "2026-13-45",
      is_active: true,
    });
    expect(goal.start_date).toBe("2026-13-45");
    const campaign = Campaign.parse({
      id: ID,
      project_id: ID,
      name: "C",
      created_at: T,
      target_at: "2026-06-30",
    });
    expect(campaign.target_at).toBe("2026-06-30");
    expect(Annotation.safeParse({ id: ID, date: "2026-02-30", label: "x" }).success).toBe(true);
    const payment = PayoutPayment.safeParse({
      id: ID,
      org_id: ID,
      creator_id: ID,
      method_id: ID,
      method_name: "Venmo",
      amount_cents: 100,
      paid_at: "2026-04-01 12:00",
      accrual_ids: [],
      note: null,
      status: "recorded",
      created_at: T,
    });
    expect(payment.error?.issues ?? []).toEqual([]);
  });
});
