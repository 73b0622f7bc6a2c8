/**
 * The size caps table: it covers every free string and array field of core's request bodies (so a new
 * field cannot slip through uncapped), and the check names the field and its cap and quotes short.
 */
import * as core from "@goatkit/core/schema";
import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error.js";
import {
  ARRAY_CAPS,
  ARRAY_ITEM_CHARS,
  assertBodyCaps,
  METADATA_MAX_BYTES,
  METADATA_MAX_DEPTH,
  OTHER_STRING_CAP,
  STRING_CAPS,
} from "./caps.js";

function thrown(fn: () => void): ApiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error("expected an ApiError");
}

type Json = Record<string, unknown>;

/**
 * `[path, kind]` of every string without enum/format/pattern and every array in a body's JSON Schema
 * (strings inside id arrays are capped by ARRAY_ITEM_CHARS, so the walk does not list them).
 */
function uncheckedFields(schema: Json, prefix = ""): Array<[string, "string" | "array"]> {
  const out: Array<[string, "string" | "array"]> = [];
  for (const [name, prop] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
    if (name === "metadata") continue;
    for (const v of (prop.anyOf as Json[] | undefined) ?? [prop]) {
      const types = ([] as unknown[]).concat(v.type); // `["string", "null"]` for a nullable plain string
      if (types.includes("string") && !v.enum && !v.format && !v.pattern && v.const === undefined) {
        out.push([prefix + name, "string"]);
      }
      if (types.includes("array")) {
        out.push([prefix + name, "array"]);
        out.push(...uncheckedFields(v.items as Json, `${prefix + name}.[].`));
      }
    }
  }
  return out;
}

describe("the caps table", () => {
  const bodies = Object.entries(core).filter(([name]) => name.endsWith("Body"));

  it.each(bodies)("%s: every free string and array field has its own cap", (_, schema) => {
    const json = (schema as unknown as { toJSONSchema(p: object): Json }).toJSONSchema({
      io: "input",
      unrepresentable: "any",
    });
    for (const [path, kind] of uncheckedFields(json)) {
      const field = path.split(".").at(-1)!;
      const table = kind === "string" ? STRING_CAPS : ARRAY_CAPS;
      expect(Object.hasOwn(table, field), `${path} (${kind}) has no cap in caps.ts`).toBe(true);
    }
  });

  it("found the free fields of the bodies (the walker works)", () => {
    const fields = new Set(
      bodies.flatMap(([, schema]) =>
        uncheckedFields(
          (schema as unknown as { toJSONSchema(p: object): Json }).toJSONSchema({
            io: "input",
            unrepresentable: "any",
          }),
        ).map(([p]) => p),
      ),
    );
    for (const f of [
      "readme",
      "note",
      "label",
      "kind",
      "icon_path",
      "name",
      "tiktok_handle",
      "creators.[].tiktok_handle",
      "creator_ids",
      "accrual_ids",
    ]) {
      expect(fields).toContain(f);
    }
  });

  it("has the values the README lists", () => {
    expect(METADATA_MAX_BYTES).toBe(16_384);
    expect(STRING_CAPS).toMatchObject({
      readme: 20_000,
      note: 2_000,
      name: 200,
      label: 200,
      kind: 50,
      icon_path: 2_048,
      url: 2_048,
      tiktok_handle: 100,
      project_id: 64,
    });
    expect(ARRAY_CAPS).toEqual({ creators: 50, creator_ids: 100, video_ids: 100, accrual_ids: 500 });
  });
});

describe("assertBodyCaps", () => {
  it("passes a value at its cap and refuses one over, naming the field, the cap and quoting short", () => {
    expect(() => assertBodyCaps({ note: "n".repeat(2_000) })).not.toThrow();
    const err = thrown(() => assertBodyCaps({ note: "n".repeat(2_001) }));
    expect([err.status, err.code]).toEqual([400, "invalid_body"]);
    expect(err.message).toBe(
      `Invalid body: note: at most 2000 characters, got "${"n".repeat(40)}…" (2001 characters)`,
    );
  });

  it("caps fields inside arrays of objects and ids inside id arrays", () => {
    const bulk = { creators: [{ tiktok_handle: "ok" }, { tiktok_handle: "h".repeat(101) }] };
    expect(thrown(() => assertBodyCaps(bulk)).message).toMatch(
      /^Invalid body: creators\.1\.tiktok_handle: at most 100 characters/,
    );
    const ids = { creator_ids: ["a", "i".repeat(ARRAY_ITEM_CHARS + 1)] };
    expect(thrown(() => assertBodyCaps(ids)).message).toMatch(
      /^Invalid body: creator_ids\.1: at most 64 characters/,
    );
  });

  it("caps array lengths", () => {
    expect(() => assertBodyCaps({ accrual_ids: Array(500).fill("a") })).not.toThrow();
    expect(thrown(() => assertBodyCaps({ accrual_ids: Array(501).fill("a") })).message).toBe(
      "Invalid body: accrual_ids: at most 500 items, got 501",
    );
  });

  it("uses the fallback cap for unlisted strings", () => {
    expect(thrown(() => assertBodyCaps({ period: "p".repeat(OTHER_STRING_CAP + 1) })).message).toContain(
      `period: at most ${OTHER_STRING_CAP} characters`,
    );
  });

  it("measures metadata as UTF-8 JSON bytes", () => {
    // {"k":"…"} is 8 bytes around the value.
    expect(() => assertBodyCaps({ metadata: { k: "a".repeat(METADATA_MAX_BYTES - 8) } })).not.toThrow();
    expect(
      thrown(() => assertBodyCaps({ metadata: { k: "a".repeat(METADATA_MAX_BYTES - 7) } })).message,
    ).toBe(
      `Invalid body: metadata: at most 16384 bytes as JSON (16 KiB), got ${METADATA_MAX_BYTES + 1} bytes`,
    );
    // 6,000 three-byte characters are 18,000 bytes, though only 6,000 characters.
    expect(thrown(() => assertBodyCaps({ metadata: { k: "€".repeat(6_000) } })).message).toContain(
      "18008 bytes",
    );
    expect(() => assertBodyCaps({ metadata: null })).not.toThrow();
  });

  it("refuses metadata nested deeper than the cap, without recursion", () => {
    const nest = (n: number) => {
      let v: unknown = 1;
      for (let i = 0; i < n; i++) v = { a: v };
      return v as Json;
    };
    expect(() => assertBodyCaps({ metadata: nest(METADATA_MAX_DEPTH) })).not.toThrow();
    expect(thrown(() => assertBodyCaps({ metadata: nest(METADATA_MAX_DEPTH + 1) })).message).toBe(
      `Invalid body: metadata: nested more than ${METADATA_MAX_DEPTH} levels deep`,
    );
    expect(thrown(() => assertBodyCaps({ metadata: nest(200_000) })).code).toBe("invalid_body");
  });

  it("does not look inside metadata for field caps", () => {
    expect(() => assertBodyCaps({ metadata: { name: "n".repeat(1_000) } })).not.toThrow();
  });
});
