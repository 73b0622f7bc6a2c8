/**
 * fast-check generators of hostile API requests, for the property suite in `src/hostile/`.
 *
 * Requests are generated against a route *template* (`RouteInfo`, parsed from the Hono route table) and
 * a body JSON Schema (from the served OpenAPI document); nothing here lists the sandbox's routes. Ids are
 * generated as *choices* (`IdChoice`: "the 3rd live record of that collection in org A", or a hostile
 * string) and resolved against the live state only when the request is sent, so a generated request
 * stays meaningful whatever the state and shrinks sensibly.
 *
 * Bodies are written by hand (`writeJson`), not by `JSON.stringify`, so they can carry what JSON.stringify
 * cannot produce: `-0`, `1e400`, duplicate keys, `__proto__` as a plain key, and 100,000-deep nesting
 * (as raw text fragments, `RawJson`, labelled so a counterexample prints short).
 */
import fc from "fast-check";

// --- JSON values with raw fragments and id references ------------------------------------------------

/** JSON text spliced in verbatim; `label` is what a counterexample prints instead of the text. */
export class RawJson {
  constructor(
    readonly text: string,
    readonly label: string,
  ) {}
}

/** An id of a record of `resource` (a route segment or field stem, e.g. "creators"), chosen at send time. */
export class IdRef {
  constructor(
    readonly resource: string,
    readonly choice: IdChoice,
  ) {}
}

/** An object written key by key, duplicates allowed (`{"a":1,"a":2}`). */
export class Entries {
  constructor(readonly entries: ReadonlyArray<readonly [string, BodyValue]>) {}
}

export type BodyValue =
  | null
  | boolean
  | number
  | string
  | RawJson
  | IdRef
  | Entries
  | BodyValue[]
  | { [key: string]: BodyValue };

/**
 * A generated id: a live record (by position, in org A or B, optionally altered), or hostile text used
 * verbatim (in a path it is raw URL text and may hold percent-escapes such as `%FF%FE`).
 */
export type IdChoice =
  | { kind: "real"; org: "A" | "B"; pick: number; alter: IdAlteration }
  | { kind: "raw"; text: string };

export type IdAlteration = "none" | "upper" | "suffix" | "truncate" | "nul";

/** Writes a body value as JSON text; `resolveId` turns an `IdRef` into the id string to send. */
export function writeJson(value: BodyValue, resolveId: (ref: IdRef) => string): string {
  const out: string[] = [];
  const write = (v: BodyValue): void => {
    if (v instanceof RawJson) out.push(v.text);
    else if (v instanceof IdRef) out.push(JSON.stringify(resolveId(v)));
    else if (v instanceof Entries) {
      out.push("{");
      v.entries.forEach(([k, x], i) => {
        out.push(i > 0 ? "," : "", JSON.stringify(k), ":");
        write(x);
      });
      out.push("}");
    } else if (Array.isArray(v)) {
      out.push("[");
      v.forEach((item, i) => {
        if (i > 0) out.push(",");
        write(item);
      });
      out.push("]");
    } else if (v !== null && typeof v === "object") {
      out.push("{");
      Object.keys(v).forEach((k, i) => {
        out.push(i > 0 ? "," : "", JSON.stringify(k), ":");
        write(v[k]!);
      });
      out.push("}");
    } else out.push(JSON.stringify(v) ?? "null");
  };
  write(value);
  return out.join("");
}

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max)}…(${s.length} chars)`);

export function describeId(choice: IdChoice): string {
  if (choice.kind === "raw") return JSON.stringify(clip(choice.text, 60));
  return `<${choice.org === "A" ? "" : "orgB "}record #${choice.pick}${choice.alter === "none" ? "" : ` ${choice.alter}`}>`;
}

/** A short, readable rendering of a body value (raw fragments by label, long strings clipped). */
export function describeValue(value: BodyValue, max = 300): string {
  const text = writeJson(
    replaceLeaves(value, (v) => {
      if (v instanceof RawJson) return `⟪${v.label}⟫`;
      if (v instanceof IdRef) return `⟪${v.resource} ${describeId(v.choice)}⟫`;
      if (typeof v === "string") return clip(v, 60);
      return undefined;
    }),
    () => "",
  );
  return clip(text, max);
}

function replaceLeaves(v: BodyValue, f: (leaf: BodyValue) => string | undefined): BodyValue {
  const replaced = f(v);
  if (replaced !== undefined) return replaced;
  if (Array.isArray(v)) return v.map((x) => replaceLeaves(x, f));
  if (v instanceof Entries) return new Entries(v.entries.map(([k, x]) => [k, replaceLeaves(x, f)] as const));
  if (v !== null && typeof v === "object" && !(v instanceof RawJson) && !(v instanceof IdRef)) {
    return Object.fromEntries(Object.keys(v).map((k) => [k, replaceLeaves(v[k]!, f)]));
  }
  return v;
}

/** An object whose keys may include `__proto__` as an ordinary own key. */
export const obj = (entries: ReadonlyArray<readonly [string, BodyValue]>): { [key: string]: BodyValue } =>
  Object.fromEntries(entries);

// --- routes ------------------------------------------------------------------------------------------

export type Segment =
  | { kind: "static"; text: string }
  | { kind: "param"; name: string; resource: string }
  | { kind: "wildcard" };

/** One route of the table: a method and a Hono path template relative to `/api/v1`. */
export interface RouteInfo {
  method: string;
  /** `/creators/:id`. */
  template: string;
  /** `PATCH /creators/{id}`, the form the OpenAPI document and the request log use. */
  label: string;
  segments: Segment[];
  /** The request body's JSON Schema from the OpenAPI document, when it documents one. */
  bodySchema?: JsonSchema;
  /** Listed in the OpenAPI document (the 501 `not_implemented` routes are not). */
  documented: boolean;
}

/** Parses a Hono template; a parameter's resource is the static segment before it ("creators"). */
export function parseTemplate(
  method: string,
  template: string,
  bodySchema?: JsonSchema,
  documented = false,
): RouteInfo {
  const segments: Segment[] = [];
  let previous = "";
  for (const part of template.split("/").filter((p) => p !== "")) {
    if (part === "*") segments.push({ kind: "wildcard" });
    else if (part.startsWith(":")) {
      const name = part.slice(1).replace(/\{.*$/, "");
      segments.push({ kind: "param", name, resource: previous });
    } else {
      segments.push({ kind: "static", text: part });
      previous = part;
    }
  }
  const label = `${method} ${template.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, "{$1}")}`;
  return { method, template, label, segments, documented, ...(bodySchema ? { bodySchema } : {}) };
}

// --- strings, numbers, dates -------------------------------------------------------------------------

/** Percent-encodes the UTF-8 bytes of `s` (lone surrogates become U+FFFD), keeping unreserved ASCII. */
export function pct(s: string): string {
  let out = "";
  for (const byte of new TextEncoder().encode(s)) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  "\u0000",
  "\u0000\u0001\u001f",
  "null",
  "undefined",
  "NaN",
  "-0",
  "1e308",
  "Infinity",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "2026-13-45",
  "2026-02-30",
  "not-a-date",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "' OR '1'='1' --",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log4shell-style probe, sent as plain text
  "${jndi:ldap://x/a}",
  "%FF%FE",
  "\uD800",
  "\uDFFF\uD800",
  "🐐🐐🐐",
  "\u202Egoat",
  "a\r\nX-Injected: 1",
  "@",
  "@@goat",
  "a".repeat(31),
  "banned_creator",
  "Ａ",
  "\u0130",
  "ß",
];

/** A hostile string of modest size (≤ a few hundred chars). */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 4 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 24 }), weight: 2 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 24 }), weight: 1 },
  { arbitrary: fc.stringMatching(/^[A-Za-z0-9_.@-]{0,40}$/), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom("a", "é", "🐐", "\u0000", '"', "\\"), fc.integer({ min: 100, max: 600 }))
      .map(([c, n]) => c.repeat(n)),
    weight: 1,
  },
);

/** Calendar-invalid, malformed or out-of-range days. */
export const BAD_DATES: readonly string[] = [
  "2026-13-45",
  "2026-02-30",
  "2026-02-29",
  "2025-02-29",
  "2026-04-31",
  "2026-00-10",
  "2026-01-00",
  "2026-1-1",
  "26-01-01",
  "not-a-date",
  "0000-00-00",
  "9999-99-99",
  "0000-01-01",
  "9999-12-31",
  "+275760-09-13",
  "-000001-01-01",
  "275760-09-14",
  "2026-03-31T25:61:61Z",
  "2026-03-31T00:00:00Z",
  "2026/03/01",
  "20260301",
  " 2026-03-01",
  "2026-03-01\n",
  "２０２６-０３-０１",
  "1e308",
  "",
];

export const badDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...BAD_DATES),
  fc
    .tuple(
      fc.integer({ min: 0, max: 99999 }),
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 0, max: 99 }),
    )
    .map(
      ([y, m, d]) =>
        `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
    ),
);

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const NOW_MS = Date.parse("2026-03-31T12:00:00Z");

/** A real day near the sandbox's as-of day (the tests pin `now` to 2026-03-31). */
export const validDay: fc.Arbitrary<string> = fc
  .integer({ min: -400, max: 30 })
  .map((offset) => dayOf(NOW_MS + offset * DAY_MS));

/** `[from, to]` with from after to. */
export const reversedRange: fc.Arbitrary<[string, string]> = fc
  .tuple(fc.integer({ min: -200, max: 20 }), fc.integer({ min: 1, max: 400 }))
  .map(([offset, gap]) => [dayOf(NOW_MS + offset * DAY_MS), dayOf(NOW_MS + (offset - gap) * DAY_MS)]);

/** Number literals at the edges, as raw JSON text (so `-0` and `1e400` reach the server as written). */
export const EDGE_NUMBER_TEXTS: readonly string[] = [
  "-0",
  "0",
  "-1",
  "0.5",
  "1.0",
  "1E2",
  "1e308",
  "-1e308",
  "1.7976931348623157e308",
  "1e309",
  "1e400",
  "-1e400",
  "5e-324",
  "1e-400",
  "9007199254740991",
  "9007199254740993",
  "-9007199254740993",
  "18446744073709551616",
  "123456789012345678901234567890123456789012345678901234567890",
  `1${"0".repeat(400)}`,
  "0.1e1",
];

export const edgeNumber: fc.Arbitrary<BodyValue> = fc.oneof(
  fc.constantFrom(...EDGE_NUMBER_TEXTS).map((t) => new RawJson(t, t.length > 24 ? `${t.slice(0, 12)}…` : t)),
  fc.constantFrom("NaN", "Infinity", "-Infinity", "-0", "1e308", "0x10", "1_000"),
  fc.double(),
  fc.integer(),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map((n) => new RawJson(String(n), `${n}`)),
);

/** Nesting `depth` levels deep, as raw text (never built as objects: no recursion anywhere). */
export function deepJson(depth: number, shape: "array" | "object" | "mixed"): RawJson {
  const [open, leaf, close] =
    shape === "array"
      ? ["[", "", "]"]
      : shape === "object"
        ? ['{"a":', "1", "}"]
        : ['[{"__proto__":', "null", "}]"];
  return new RawJson(`${open.repeat(depth)}${leaf}${close.repeat(depth)}`, `${shape} nested ${depth} deep`);
}

export const deepValue = (maxDepth: number): fc.Arbitrary<RawJson> =>
  fc
    .tuple(
      fc.oneof(fc.integer({ min: 2, max: 64 }), fc.integer({ min: 64, max: maxDepth })),
      fc.constantFrom("array" as const, "object" as const, "mixed" as const),
    )
    .map(([depth, shape]) => deepJson(depth, shape));

/** A JSON string of about `bytes` UTF-8 bytes of one repeated character, as raw text. */
export function bigString(bytes: number, unit: string): RawJson {
  const escaped = JSON.stringify(unit).slice(1, -1);
  const count = Math.max(1, Math.floor(bytes / Buffer.byteLength(escaped)));
  return new RawJson(`"${escaped.repeat(count)}"`, `${JSON.stringify(unit)} × ${count.toLocaleString("en")}`);
}

export const bigStringValue = (minBytes: number, maxBytes: number): fc.Arbitrary<RawJson> =>
  fc
    .tuple(fc.integer({ min: minBytes, max: maxBytes }), fc.constantFrom("a", "é", "🐐", "\u0000", '"', "\\"))
    .map(([n, unit]) => bigString(n, unit));

/** Objects that try prototype pollution or shadow built-ins. */
export const protoObject: fc.Arbitrary<BodyValue> = fc.constantFrom<BodyValue>(
  new RawJson('{"__proto__":{"polluted":"yes","isAdmin":true}}', "{__proto__:{polluted}}"),
  new RawJson('{"constructor":{"prototype":{"polluted":"yes"}}}', "{constructor:{prototype:{polluted}}}"),
  new RawJson('{"__proto__":null}', "{__proto__:null}"),
  new RawJson('{"__proto__":[]}', "{__proto__:[]}"),
  new RawJson('{"toString":"x","valueOf":1,"hasOwnProperty":null}', "{toString,valueOf,hasOwnProperty}"),
  new RawJson('{"a":1,"a":{"__proto__":{"polluted":1}}}', "{a, a:{__proto__}} (duplicate key)"),
  obj([["__proto__", obj([["polluted", "yes"]])]]),
  obj([["prototype", obj([["polluted", "yes"]])]]),
);

/** A value of a type a field does not take (or a shape it does not expect). */
export const wrongTypeValue: fc.Arbitrary<BodyValue> = fc.oneof(
  fc.constantFrom<BodyValue>(null, true, false, 0, -1, 1.5, "", "x", [], {}, [null], [[]], { a: 1 }, [
    "x",
    1,
  ]),
  edgeNumber,
  hostileString,
  protoObject,
  fc.array(hostileString, { maxLength: 3 }),
);

export interface Volume {
  /** Deepest nesting generated. */
  maxDepth: number;
  /** Largest string generated (UTF-8 bytes of its JSON text). */
  maxString: number;
}

/**
 * Sizes for the bulk of the runs: up to 20,000 levels (past V8's `JSON.stringify` limit of a few
 * thousand, which `JSON.parse` does not share) and tens of kilobytes.
 */
export const NORMAL_VOLUME: Volume = { maxDepth: 20_000, maxString: 40_000 };

/** Sizes for the few volume runs: 200,000 levels, strings up to 4 MB. */
export const HUGE_VOLUME: Volume = { maxDepth: 200_000, maxString: 4 * 1024 * 1024 };

/** Any hostile value for one field. */
export const hostileValue = (volume: Volume): fc.Arbitrary<BodyValue> =>
  fc.oneof(
    { arbitrary: wrongTypeValue, weight: 4 },
    { arbitrary: hostileString, weight: 3 },
    { arbitrary: badDate, weight: 2 },
    { arbitrary: protoObject, weight: 2 },
    { arbitrary: deepValue(volume.maxDepth), weight: 2 },
    { arbitrary: bigStringValue(Math.min(1_000, volume.maxString), volume.maxString), weight: 1 },
  );

// --- ids and path segments ---------------------------------------------------------------------------

/** Raw path-segment texts that no id can be (invalid UTF-8 escapes, traversal, names of built-ins…). */
export const HOSTILE_SEGMENTS: readonly string[] = [
  "%FF%FE",
  "%FF",
  "%",
  "%%",
  "%zz",
  "%G0",
  "%C0%AF",
  "%ED%A0%80",
  "%F4%90%80%80",
  "%00",
  "%2F",
  "a%2Fb",
  "%2e%2e",
  "..",
  ".",
  "%20",
  "+",
  "null",
  "undefined",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "0",
  "-1",
  "1e308",
  "NaN",
  "true",
  ":id",
  "%3Aid",
  "*",
  "%7B%7D",
  "a;b=c",
  "%3B",
  "'%20OR%20'1'='1",
  "%3Cscript%3E",
  pct("🐐"),
  pct("\uD800"),
  "tga_x",
  "-".repeat(64),
  "a".repeat(65),
];

export const hostileSegment = (maxLength: number): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS), weight: 5 },
    { arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 24 }).map(pct), weight: 2 },
    { arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), weight: 2 },
    {
      arbitrary: fc
        .tuple(
          fc.constantFrom("a", "%FF", "%25", "-", pct("é")),
          fc.integer({ min: 65, max: Math.max(65, maxLength) }),
        )
        .map(([unit, n]) => unit.repeat(Math.max(1, Math.floor(n / unit.length)))),
      weight: 1,
    },
  );

export const idChoice = (maxLength: number, realWeight = 5): fc.Arbitrary<IdChoice> =>
  fc.oneof(
    {
      arbitrary: fc.record({
        kind: fc.constant("real" as const),
        org: fc.constant("A" as const),
        pick: fc.nat({ max: 1_000 }),
        alter: fc.constantFrom<IdAlteration>(
          "none",
          "none",
          "none",
          "none",
          "upper",
          "suffix",
          "truncate",
          "nul",
        ),
      }),
      weight: realWeight,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant("real" as const),
        org: fc.constant("B" as const),
        pick: fc.nat({ max: 1_000 }),
        alter: fc.constant<IdAlteration>("none"),
      }),
      weight: 1,
    },
    { arbitrary: hostileSegment(maxLength).map((text) => ({ kind: "raw" as const, text })), weight: 4 },
  );

// --- bodies from a JSON Schema -----------------------------------------------------------------------

/** The part of JSON Schema the OpenAPI document's request bodies use. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | JsonSchema;
}

/** The record collection a `<stem>_id`/`<stem>_ids` field names: "creator_id" → "creators". */
export const fieldResource = (field: string): string | null => {
  const m = /^(.*?)_ids?$/.exec(field);
  return m ? `${m[1]}s` : null;
};

const scalar = (v: unknown): BodyValue =>
  typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v === null ? v : null;

/**
 * Values the schema accepts (roughly): enough to get a request past validation to the route's deeper
 * checks (and sometimes to succeed). `*_id` fields become live ids of the collection they name.
 */
export function validFor(schema: JsonSchema | undefined, field = ""): fc.Arbitrary<BodyValue> {
  if (!schema) return fc.constant<BodyValue>({});
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches && branches.length > 0) return fc.oneof(...branches.map((b) => validFor(b, field)));
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum.map(scalar));
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((t) => validFor({ ...schema, type: t }, field)));
  const resource = fieldResource(field);
  switch (types[0]) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer": {
      const min = Math.max(
        schema.minimum ?? 0,
        schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0,
      );
      return fc.integer({ min, max: Math.max(min, Math.min(schema.maximum ?? 1_000_000, 1_000_000)) });
    }
    case "number":
      return fc.double({ min: 0.5, max: 1_000_000, noNaN: true, noDefaultInfinity: true });
    case "string":
      if (dateKind(schema) === "date") return validDay;
      if (dateKind(schema) === "date-time") return validDay.map((d) => `${d}T12:00:00Z`);
      if (schema.format === "uri" || schema.format === "url") {
        return fc
          .tuple(fc.stringMatching(/^[a-z0-9_]{1,12}$/), fc.bigInt({ min: 10n ** 17n, max: 10n ** 19n }))
          .map(([h, id]) => `https://www.tiktok.com/@${h}/video/${id}`);
      }
      if (resource) {
        // Mostly a live id of the caller's org, as it is: the point is to get past the lookups.
        const live = fc.record({
          kind: fc.constant("real" as const),
          org: fc.constant("A" as const),
          pick: fc.nat({ max: 1_000 }),
          alter: fc.constant<IdAlteration>("none"),
        });
        return fc
          .oneof({ arbitrary: live, weight: 12 }, { arbitrary: idChoice(80, 1), weight: 1 })
          .map((c) => new IdRef(resource, c));
      }
      return fc.stringMatching(/^[a-z][a-z0-9_.]{0,19}$/);
    case "array": {
      const min = Math.max(1, schema.minItems ?? 0);
      return fc.array(validFor(schema.items, field), { minLength: min, maxLength: Math.max(min, 3) });
    }
    case "object":
      return objectFor(schema);
    default:
      return fc.constantFrom<BodyValue>("x", 1, true, null, {});
  }
}

function objectFor(schema: JsonSchema): fc.Arbitrary<BodyValue> {
  const props = schema.properties ?? {};
  const names = Object.keys(props);
  if (names.length === 0) {
    // A free-form object (metadata): a few small entries.
    return fc.dictionary(
      fc.stringMatching(/^[a-z_]{1,10}$/),
      fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean()),
      {
        maxKeys: 3,
      },
    );
  }
  const required = schema.required ?? [];
  const shape = Object.fromEntries(names.map((n) => [n, validFor(props[n], n)]));
  return fc
    .record(shape, { requiredKeys: required })
    .filter((o) => Object.keys(o).length > 0)
    .map((o) => {
      const out = o as { [key: string]: BodyValue };
      // `item_id` next to `item_type: "video"` (or `entity_id` next to `entity`) names a video.
      for (const name of Object.keys(out)) {
        const stem = /^(.*)_id$/.exec(name)?.[1];
        const ref = out[name];
        if (!stem || !(ref instanceof IdRef)) continue;
        const kind = out[`${stem}_type`] ?? out[stem];
        if (typeof kind === "string") out[name] = new IdRef(`${kind}s`, ref.choice);
      }
      return out;
    });
}

const isPlainObject = (v: BodyValue): v is { [key: string]: BodyValue } =>
  v !== null &&
  typeof v === "object" &&
  !Array.isArray(v) &&
  !(v instanceof RawJson) &&
  !(v instanceof IdRef) &&
  !(v instanceof Entries);

/**
 * "date" or "date-time" when a field takes a day or a timestamp: by its `format`, or by its `pattern`
 * accepting a sample day or timestamp (a schema may carry only the regex).
 */
export function dateKind(schema: JsonSchema | undefined): "date" | "date-time" | null {
  if (!schema) return null;
  if (schema.format === "date" || schema.format === "date-time") return schema.format;
  if (schema.pattern) {
    try {
      const re = new RegExp(schema.pattern);
      if (re.test("2026-03-31")) return "date";
      if (re.test("2026-03-31T12:00:00Z")) return "date-time";
    } catch {
      return null;
    }
  }
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) {
    const kind = dateKind(branch);
    if (kind) return kind;
  }
  return null;
}

/** Names of a schema's day and timestamp fields. */
function dateFields(schema: JsonSchema | undefined): string[] {
  const props = schema?.properties ?? {};
  return Object.keys(props).filter((n) => dateKind(props[n]) !== null);
}

/** Names of a schema's free-form object fields (`metadata`): whatever goes in them is stored. */
function freeFormFields(schema: JsonSchema | undefined): string[] {
  const props = schema?.properties ?? {};
  return Object.keys(props).filter((n) => {
    const p = props[n]!;
    const types = Array.isArray(p.type) ? p.type : [p.type];
    return types.includes("object") && Object.keys(p.properties ?? {}).length === 0;
  });
}

/** Days no calendar has, or that are not days at all: a date field must refuse every one. */
export const CALENDAR_INVALID_DAYS: readonly string[] = [
  "2026-13-45",
  "2026-02-30",
  "2026-02-29",
  "2025-02-29",
  "2026-04-31",
  "2026-00-10",
  "2026-01-00",
  "2026-1-1",
  "0000-00-00",
  "9999-99-99",
  "not-a-date",
  "",
];

/**
 * A body the schema would accept but for one date field holding a calendar-invalid date (a timestamp
 * with one, for `date-time` fields); null when the schema has no date field.
 */
export function badDateBody(schema: JsonSchema | undefined): fc.Arbitrary<BodySpec> | null {
  const props = schema?.properties ?? {};
  const fields = dateFields(schema);
  if (fields.length === 0) return null;
  return fc
    .tuple(validFor(schema), fc.constantFrom(...fields), fc.constantFrom(...CALENDAR_INVALID_DAYS))
    .map(([base, name, day]) => {
      const value =
        dateKind(props[name]) === "date-time" && /^\d{4}-\d\d-\d\d$/.test(day) ? `${day}T12:00:00Z` : day;
      return {
        kind: "json" as const,
        strategy: `calendar-invalid ${name}`,
        contentType: "application/json",
        value: obj([
          ...Object.entries(isPlainObject(base) ? base : {}).filter(([k]) => k !== name),
          [name, value],
        ]),
      };
    });
}

export type BodySpec =
  | { kind: "json"; value: BodyValue; contentType: string | null; strategy: string }
  | { kind: "text"; text: string; contentType: string | null; strategy: string }
  | { kind: "bytes"; bytes: Uint8Array; contentType: string | null; strategy: string }
  | { kind: "none"; contentType: string | null; strategy: string };

export const CONTENT_TYPES: readonly (string | null)[] = [
  "application/json",
  "application/json",
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=utf-16",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/vnd.api+json",
  "application/json, text/html",
  null,
];

const contentType = fc.constantFrom(...CONTENT_TYPES);
const jsonContentType = fc.constantFrom<string | null>("application/json", "application/json; charset=utf-8");

/** Whole bodies that are not the JSON object a write route expects. */
const NOT_AN_OBJECT_TEXTS: readonly string[] = [
  "",
  " ",
  "\n\t ",
  "not json",
  "{",
  "}",
  "{'a':1}",
  '{"a":1,}',
  '{"a":1}garbage',
  '{"a":1}{"b":2}',
  "NaN",
  "undefined",
  "null",
  "true",
  "0",
  "-0",
  "1e400",
  '"string"',
  "[]",
  "[{}]",
  "{}",
  "\uFEFF{}",
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"a":"\\x41"}',
  '{"a":01}',
  '{"a":.5}',
  '{"a":+1}',
  "/* comment */ {}",
];

export function hostileBody(
  schema: JsonSchema | undefined,
  options: { volume: Volume; wrapKey?: string },
): fc.Arbitrary<BodySpec> {
  const { volume } = options;
  const valid = validFor(schema);
  const names = Object.keys(schema?.properties ?? {});
  const field = names.length > 0 ? fc.constantFrom(...names) : fc.constant("name");
  const json = (strategy: string, value: fc.Arbitrary<BodyValue>, ct = contentType): fc.Arbitrary<BodySpec> =>
    fc.record({ value, contentType: ct }).map((r) => ({ kind: "json" as const, strategy, ...r }));
  const withField = (base: BodyValue, name: string, value: BodyValue): BodyValue =>
    obj([...Object.entries(isPlainObject(base) ? base : {}).filter(([k]) => k !== name), [name, value]]);

  const strategies: Array<{ arbitrary: fc.Arbitrary<BodySpec>; weight: number }> = [
    // A body the schema accepts: the route's own checks and its success path run too.
    { arbitrary: json("valid", valid, jsonContentType), weight: 3 },
    // One field of the wrong type.
    {
      arbitrary: json(
        "wrong type",
        fc.tuple(valid, field, wrongTypeValue).map(([b, n, v]) => withField(b, n, v)),
      ),
      weight: 3,
    },
    // Every field of a wrong type at once.
    {
      arbitrary: json(
        "all wrong types",
        fc
          .array(wrongTypeValue, { minLength: names.length, maxLength: names.length })
          .map((vs) => obj(names.map((n, i) => [n, vs[i]!]))),
      ),
      weight: 1,
    },
    // One field hostile: huge, deep, proto-shaped, a bad date, an edge number.
    {
      arbitrary: json(
        "hostile field",
        fc.tuple(valid, field, hostileValue(volume)).map(([b, n, v]) => withField(b, n, v)),
      ),
      weight: 4,
    },
    // Unknown fields, including the prototype-shaped ones.
    {
      arbitrary: json(
        "unknown fields",
        fc
          .tuple(
            valid,
            fc.array(
              fc.tuple(
                fc.oneof(
                  fc.constantFrom(
                    "__proto__",
                    "constructor",
                    "prototype",
                    "",
                    "ID",
                    "_deleted",
                    "_org_id",
                    "org_id",
                    "id",
                    "version",
                  ),
                  hostileString,
                ),
                fc.oneof(wrongTypeValue, protoObject),
              ),
              { minLength: 1, maxLength: 3 },
            ),
          )
          .map(([b, extra]) => obj([...Object.entries(isPlainObject(b) ? b : {}), ...extra])),
      ),
      weight: 2,
    },
    // Not an object: arrays of valid bodies, scalars, deep nesting, the body as a string.
    {
      arbitrary: json(
        "not an object",
        fc.oneof(
          fc.array(valid, { minLength: 1, maxLength: 3 }),
          valid.map((b) => writeJson(b, () => "id")),
          deepValue(volume.maxDepth),
          edgeNumber,
          fc.constantFrom<BodyValue>(null, true, [], 0, ""),
        ),
      ),
      weight: 2,
    },
    // Not JSON at all, or broken JSON, under a JSON content type (mostly).
    {
      arbitrary: fc
        .record({
          text: fc.oneof(
            fc.constantFrom(...NOT_AN_OBJECT_TEXTS),
            fc.string({ unit: "binary", maxLength: 40 }),
          ),
          contentType,
        })
        .map((r) => ({ kind: "text" as const, strategy: "not JSON", ...r })),
      weight: 2,
    },
    // Bytes that are not UTF-8, or JSON in UTF-16, labelled as JSON.
    {
      arbitrary: fc
        .record({
          bytes: fc.oneof(
            fc.uint8Array({ minLength: 1, maxLength: 32 }),
            fc.constantFrom(
              Uint8Array.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
              Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d]),
              Uint8Array.from([0x7b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x3a, 0x31, 0x7d]),
            ),
          ),
          contentType,
        })
        .map((r) => ({ kind: "bytes" as const, strategy: "bad bytes", ...r })),
      weight: 1,
    },
    // No body at all.
    {
      arbitrary: contentType.map((ct) => ({ kind: "none" as const, strategy: "no body", contentType: ct })),
      weight: 1,
    },
    // Duplicate keys: the last one wins in JSON.parse, so a valid first value can hide a hostile one.
    {
      arbitrary: json(
        "duplicate key",
        fc
          .tuple(valid, field, hostileValue(volume))
          .map(([b, n, v]) => new Entries([...Object.entries(isPlainObject(b) ? b : {}), [n, "x"], [n, v]])),
        jsonContentType,
      ),
      weight: 1,
    },
  ];
  const freeForm = freeFormFields(schema);
  if (freeForm.length > 0) {
    // Accepted by the schema and stored as they are: the values that reach every later read.
    const storedValue = fc.oneof(
      { arbitrary: deepValue(volume.maxDepth), weight: 3 },
      { arbitrary: protoObject, weight: 2 },
      { arbitrary: bigStringValue(Math.min(1_000, volume.maxString), volume.maxString), weight: 1 },
      { arbitrary: edgeNumber, weight: 1 },
      { arbitrary: hostileString, weight: 1 },
    );
    const storedKey = fc.oneof(
      fc.constantFrom("__proto__", "constructor", "prototype", "toString", "toJSON", "k"),
      hostileString,
    );
    strategies.push({
      arbitrary: json(
        "stored hostile",
        fc
          .tuple(
            valid,
            fc.constantFrom(...freeForm),
            fc.array(fc.tuple(storedKey, storedValue), { minLength: 1, maxLength: 2 }),
          )
          .map(([b, name, entries]) => withField(b, name, obj(entries))),
        jsonContentType,
      ),
      weight: 4,
    });
  }
  const dates = dateFields(schema);
  if (dates.length > 0) {
    strategies.push({
      arbitrary: json(
        "bad dates",
        fc
          .tuple(
            valid,
            fc.array(fc.tuple(fc.constantFrom(...dates), badDate), { minLength: 1, maxLength: dates.length }),
          )
          .map(([b, pairs]) => pairs.reduce<BodyValue>((acc, [n, d]) => withField(acc, n, d), b)),
      ),
      weight: 2,
    });
    const starts = dates.filter((d) => /start|from/.test(d));
    const ends = dates.filter((d) => /end|to$/.test(d));
    if (starts.length > 0 && ends.length > 0) {
      strategies.push({
        arbitrary: json(
          "reversed range",
          fc
            .tuple(valid, reversedRange)
            .map(([b, [from, to]]) => withField(withField(b, starts[0]!, from), ends[0]!, to)),
          jsonContentType,
        ),
        weight: 2,
      });
    }
  }
  if (options.wrapKey) {
    // A bulk form named after the route (`{ creators: [...] }`): empty, oversized, mixed, duplicated.
    const key = options.wrapKey;
    strategies.push({
      arbitrary: json(
        `bulk ${key}`,
        fc.oneof(
          fc
            .array(fc.oneof(valid, wrongTypeValue), { minLength: 0, maxLength: 4 })
            .map((items) => obj([[key, items]])),
          valid.map((b) => obj([[key, [b, b]]])),
          fc
            .integer({ min: 51, max: 120 })
            .chain((n) =>
              fc.array(valid, { minLength: n, maxLength: n }).map((items) => obj([[key, items]])),
            ),
          wrongTypeValue.map((v) => obj([[key, v]])),
          deepValue(volume.maxDepth).map((v) => obj([[key, v]])),
        ),
      ),
      weight: 2,
    });
  }
  return fc.oneof(...strategies);
}

/** Bodies sized for the volume property: megabyte strings and nesting far past any sane depth. */
export function hugeBody(schema: JsonSchema | undefined, volume: Volume): fc.Arbitrary<BodySpec> {
  const valid = validFor(schema);
  const names = Object.keys(schema?.properties ?? {});
  const field = names.length > 0 ? fc.constantFrom(...names, "metadata") : fc.constant("metadata");
  const huge: fc.Arbitrary<BodyValue> = fc.oneof(
    bigStringValue(Math.floor(volume.maxString / 8), volume.maxString),
    deepValue(volume.maxDepth),
    bigStringValue(Math.floor(volume.maxString / 8), volume.maxString).map((s) => obj([["k", s]])),
    fc
      .integer({ min: 10_000, max: 100_000 })
      .map(
        (n) =>
          new RawJson(
            `{${Array.from({ length: n }, (_, i) => `"k${i}":${i}`).join(",")}}`,
            `object of ${n} keys`,
          ),
      ),
    fc
      .integer({ min: 10_000, max: 300_000 })
      .map((n) => new RawJson(`[${"1,".repeat(n)}1]`, `array of ${n + 1} numbers`)),
  );
  return fc.oneof(
    fc.tuple(valid, field, huge).map(([b, n, v]) => ({
      kind: "json" as const,
      strategy: "huge field",
      contentType: "application/json",
      value: obj([...Object.entries(isPlainObject(b) ? b : {}).filter(([k]) => k !== n), [n, v]]),
    })),
    huge.map((v) => ({
      kind: "json" as const,
      strategy: "huge body",
      contentType: "application/json",
      value: v,
    })),
  );
}

// --- queries -----------------------------------------------------------------------------------------

/**
 * Query parameter names the API documents (api-contract and README route table). The route table does
 * not carry query names, so this is the one hand-kept list; unknown names are generated besides.
 */
export const QUERY_NAMES: readonly string[] = [
  "limit",
  "cursor",
  "project_id",
  "creator_id",
  "structure_id",
  "search",
  "entity",
  "entity_id",
  "format",
  "metric",
  "base_metric",
  "mode",
  "granularity",
  "compare",
  "breakdown",
  "tz",
  "order",
  "offset",
  "from",
  "to",
  "period",
  "reference_date",
  "include_disabled",
  "status",
  "cohort",
];

const QUERY_WORDS: readonly string[] = [
  "csv",
  "json",
  "views",
  "likes",
  "followers",
  "engagement_rate",
  "daily",
  "weekly",
  "monthly",
  "cumulative",
  "delta",
  "true",
  "false",
  "1",
  "0",
  "creator",
  "video",
  "campaign",
  "project",
  "UTC",
  "Europe/London",
  "Not/AZone",
  "desc",
  "asc",
  "unpaid",
  "paid",
  "void",
  "recorded",
];

const RAW_QUERY_VALUES: readonly string[] = [
  "%FF%FE",
  "%FF",
  "%",
  "%G0",
  "%ED%A0%80",
  "%C0%AF",
  "%00",
  "+",
  "%2B",
  "%26",
  "%3D",
  "0",
  "-1",
  "101",
  "1e2",
  "1.5",
  "%205",
  "0x10",
  "NaN",
  "Infinity",
  "-0",
  "1e308",
  "9".repeat(400),
  "00050",
  "eyJsIjoiYSIsInQiOjEsImkiOiJ4In0",
  "eyJsIjpudWxsfQ",
  "____",
];

/** One `name=value` part; `value` null is a bare `name` (no `=`). Values are raw URL text. */
export interface QueryPart {
  name: string;
  value: string | IdChoice | CursorChoice | null;
}

/**
 * A real cursor handed out by a list route (the harness collects them), of this route's list or another
 * one, with its position fields optionally forged: its list hash stays valid, so the forgery reaches
 * the code that trusts the position.
 */
export interface CursorChoice {
  kind: "cursor";
  pick: number;
  sameList: boolean;
  /** Replaces the created-at position `t` (raw JSON). */
  t: RawJson | null;
  /** Replaces the id position `i`. */
  i: BodyValue | null;
}

export const cursorChoice: fc.Arbitrary<CursorChoice> = fc.record({
  kind: fc.constant("cursor" as const),
  pick: fc.nat({ max: 100 }),
  sameList: fc.boolean(),
  t: fc.option(
    fc.oneof(
      fc.constantFrom(...EDGE_NUMBER_TEXTS).map((text) => new RawJson(text, text.slice(0, 16))),
      fc.constantFrom('"1"', "null", "[]", "{}", "true").map((text) => new RawJson(text, text)),
    ),
    { nil: null },
  ),
  i: fc.option(fc.oneof(hostileString, wrongTypeValue), { nil: null }),
});

const queryValue = (maxLong: number): fc.Arbitrary<string | IdChoice | CursorChoice | null> =>
  fc.oneof(
    { arbitrary: hostileString.map(pct), weight: 3 },
    { arbitrary: fc.constantFrom(...RAW_QUERY_VALUES), weight: 3 },
    { arbitrary: badDate.map(pct), weight: 2 },
    { arbitrary: validDay, weight: 2 },
    { arbitrary: fc.constantFrom(...QUERY_WORDS), weight: 2 },
    { arbitrary: idChoice(200), weight: 3 },
    { arbitrary: cursorChoice, weight: 1 },
    { arbitrary: fc.constant(null), weight: 1 },
    {
      arbitrary: fc
        .tuple(
          fc.constantFrom("a", "%FF", "%25", "1"),
          fc.integer({ min: 1_000, max: Math.max(1_000, maxLong) }),
        )
        .map(([unit, n]) => unit.repeat(Math.max(1, Math.floor(n / unit.length)))),
      weight: 1,
    },
  );

export const hostileQuery = (maxLong: number): fc.Arbitrary<QueryPart[]> =>
  fc
    .tuple(
      fc.array(
        fc.record({
          name: fc.oneof(
            { arbitrary: fc.constantFrom(...QUERY_NAMES), weight: 6 },
            {
              arbitrary: fc.constantFrom(
                "__proto__",
                "constructor",
                "toString",
                "hasOwnProperty",
                "",
                "limit[]",
                "from[0]",
                "%FF",
                "project_id%00",
              ),
              weight: 1,
            },
            { arbitrary: hostileString.map(pct), weight: 1 },
          ),
          value: queryValue(maxLong),
        }),
        { maxLength: 5 },
      ),
      fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: reversedRange, weight: 1 }),
      fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: cursorChoice, weight: 1 }),
    )
    .map(([parts, range, cursor]) => [
      ...parts,
      ...(range
        ? [
            { name: "from", value: range[0] },
            { name: "to", value: range[1] },
          ]
        : []),
      ...(cursor ? [{ name: "cursor", value: cursor }] : []),
    ]);

/** One known query parameter with a very long value (raw text, mostly valid escapes). */
export const longQuery = (minLength: number, maxLength: number): fc.Arbitrary<QueryPart[]> =>
  fc
    .tuple(
      fc.constantFrom(...QUERY_NAMES),
      fc.constantFrom("a", "%FF", "%25", "1", pct("é"), "%FF%FE"),
      fc.integer({ min: minLength, max: maxLength }),
    )
    .map(([name, unit, n]) => [{ name, value: unit.repeat(Math.max(1, Math.floor(n / unit.length))) }]);

// --- whole requests ----------------------------------------------------------------------------------

export type KeyName = "readWrite" | "readOnly" | "orgB" | "revoked" | "none" | "malformed";

/** Mostly the two keys the suite is about (read-write, read-only), sometimes another org's or a bad one. */
export const keyName: fc.Arbitrary<KeyName> = fc.oneof(
  { arbitrary: fc.constant("readWrite" as const), weight: 12 },
  { arbitrary: fc.constant("readOnly" as const), weight: 5 },
  { arbitrary: fc.constant("orgB" as const), weight: 2 },
  { arbitrary: fc.constantFrom("revoked" as const, "none" as const, "malformed" as const), weight: 1 },
);

export interface PathSpec {
  /** One per `param` segment of the template, in order. */
  params: IdChoice[];
  /** Segments standing for a `*`. */
  wildcard: string[];
  /** Appended after the template: nothing, a slash, or extra segments. */
  suffix: string;
  /** Replace the first `/` between segments with `//`. */
  doubleSlash: boolean;
}

export interface HostileRequest {
  route: RouteInfo;
  method: string;
  key: KeyName;
  path: PathSpec;
  query: QueryPart[];
  body: BodySpec;
  idempotencyKey: string | null;
}

export const OTHER_METHODS: readonly string[] = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** Mostly no Idempotency-Key; sometimes one of odd length or content. */
const idempotencyKey: fc.Arbitrary<string | null> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 8 },
  {
    arbitrary: fc.oneof(
      fc.constantFrom(
        "",
        " ",
        "a".repeat(255),
        "a".repeat(256),
        "k".repeat(5_000),
        "\u00ff\u00fe",
        "__proto__",
      ),
      fc.stringMatching(/^[ -~]{1,40}$/),
    ),
    weight: 1,
  },
);

export interface RequestOptions {
  volume: Volume;
  /** "hostile": generated hostile bodies; "huge": the volume bodies; "none": no body. */
  body: "hostile" | "huge" | "none";
  /** Hostile paths (ids replaced by hostile strings, odd suffixes) or mostly live ids. */
  paths: "mostly-real" | "hostile";
  /** Also send other methods than the route's own to its path. */
  otherMethods: boolean;
  /** Longest generated query value (0: no query). */
  maxQueryValue: number;
  /** Query parts appended to every request (e.g. `longQuery`). */
  extraQuery?: fc.Arbitrary<QueryPart[]>;
}

function bodyFor(route: RouteInfo, options: RequestOptions): fc.Arbitrary<BodySpec> {
  if (options.body === "none")
    return fc.constant<BodySpec>({ kind: "none", contentType: null, strategy: "no body" });
  const statics = route.segments.filter(
    (s): s is Extract<Segment, { kind: "static" }> => s.kind === "static",
  );
  const last = route.segments.at(-1);
  const wrapKey = last?.kind === "static" ? last.text.replace(/-/g, "_") : statics.at(-1)?.text;
  return options.body === "huge"
    ? hugeBody(route.bodySchema, options.volume)
    : hostileBody(route.bodySchema, { volume: options.volume, ...(wrapKey ? { wrapKey } : {}) });
}

export function hostileRequest(route: RouteInfo, options: RequestOptions): fc.Arbitrary<HostileRequest> {
  const params = route.segments.filter((s) => s.kind === "param").length;
  const wildcards = route.segments.some((s) => s.kind === "wildcard");
  const id = options.paths === "hostile" ? idChoice(20_000, 2) : idChoice(200, 12);
  const path: fc.Arbitrary<PathSpec> = fc.record({
    params: fc.array(id, { minLength: params, maxLength: params }),
    wildcard: wildcards
      ? fc.array(hostileSegment(2_000), { minLength: 0, maxLength: 3 })
      : fc.constant<string[]>([]),
    suffix:
      options.paths === "hostile"
        ? fc.oneof(
            { arbitrary: fc.constant(""), weight: 4 },
            { arbitrary: fc.constantFrom("/", "//", "/.", "/..", "/%2e%2e", "/;", "/%FF%FE"), weight: 1 },
            { arbitrary: hostileSegment(200).map((s) => `/${s}`), weight: 1 },
          )
        : fc.constant(""),
    doubleSlash: options.paths === "hostile" ? fc.boolean() : fc.constant(false),
  });
  const method = options.otherMethods
    ? fc.oneof(
        { arbitrary: fc.constant(route.method), weight: 4 },
        { arbitrary: fc.constantFrom(...OTHER_METHODS), weight: 1 },
      )
    : fc.constant(route.method);
  const query =
    options.maxQueryValue > 0 ? hostileQuery(options.maxQueryValue) : fc.constant<QueryPart[]>([]);
  return fc
    .record({
      method,
      key: keyName,
      path,
      query: options.extraQuery ? fc.tuple(query, options.extraQuery).map(([a, b]) => [...a, ...b]) : query,
      body: bodyFor(route, options),
      idempotencyKey,
    })
    .map((r) => makeRequest(route, r));
}

/** A request for `route` (defaults: own method, read-write key, live ids, no query, no body). */
export function makeRequest(
  route: RouteInfo,
  parts: Partial<Omit<HostileRequest, "route">> = {},
): HostileRequest {
  const params = route.segments.filter((s) => s.kind === "param").length;
  const request: HostileRequest = {
    route,
    method: route.method,
    key: "readWrite",
    path: {
      params: Array.from({ length: params }, () => ({
        kind: "real" as const,
        org: "A" as const,
        pick: 0,
        alter: "none" as const,
      })),
      wildcard: [],
      suffix: "",
      doubleSlash: false,
    },
    query: [],
    body: { kind: "none", contentType: null, strategy: "no body" },
    idempotencyKey: null,
    ...parts,
  };
  Object.defineProperty(request, fc.toStringMethod, {
    value: () => describeRequest(request),
    enumerable: false,
  });
  return request;
}

export function describeBody(body: BodySpec): string {
  const ct = body.contentType === null ? "no content-type" : body.contentType;
  switch (body.kind) {
    case "none":
      return `no body (${ct})`;
    case "text":
      return `${body.strategy}: ${JSON.stringify(clip(body.text, 120))} (${ct})`;
    case "bytes":
      return `${body.strategy}: bytes [${[...body.bytes.slice(0, 24)].map((b) => b.toString(16).padStart(2, "0")).join(" ")}] (${ct})`;
    case "json":
      return `${body.strategy}: ${describeValue(body.value)} (${ct})`;
  }
}

export function describeCursor(c: CursorChoice): string {
  const forged = [c.t ? `t=${c.t.label}` : "", c.i !== null ? `i=${describeValue(c.i, 60)}` : ""].filter(
    Boolean,
  );
  return `<cursor #${c.pick} of ${c.sameList ? "this" : "another"} list${forged.length ? `, forged ${forged.join(" ")}` : ""}>`;
}

const describeQueryValue = (v: string | IdChoice | CursorChoice): string =>
  typeof v === "string" ? clip(v, 60) : v.kind === "cursor" ? describeCursor(v) : describeId(v);

export function describeQuery(parts: readonly QueryPart[]): string {
  if (parts.length === 0) return "";
  return `?${parts.map((p) => `${clip(p.name, 40)}${p.value === null ? "" : `=${describeQueryValue(p.value)}`}`).join("&")}`;
}

/** The request before ids are resolved: route template, ids as choices, body by strategy. */
export function describeRequest(r: HostileRequest): string {
  let i = 0;
  const path = r.route.segments
    .map((s) =>
      s.kind === "static"
        ? s.text
        : s.kind === "param"
          ? describeId(r.path.params[i++]!)
          : r.path.wildcard.map((w) => clip(w, 40)).join("/"),
    )
    .join("/");
  const method = r.method === r.route.method ? r.method : `${r.method} (route is ${r.route.method})`;
  const extras = [
    `key=${r.key}`,
    r.idempotencyKey === null ? "" : `idempotency-key=${JSON.stringify(clip(r.idempotencyKey, 20))}`,
  ]
    .filter(Boolean)
    .join(" ");
  return `${method} /api/v1${r.path.doubleSlash ? "/" : ""}/${path}${clip(r.path.suffix, 40)}${describeQuery(r.query)} [${extras}] body: ${describeBody(r.body)}`;
}
