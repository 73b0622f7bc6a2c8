/**
 * The tokens file is checked strictly: every mistake is an error naming the file and the entry (or the
 * line, for broken JSON), and writes are atomic with mode 0600.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type TokensFixture, tokensFixture } from "../test-helpers/tokens.js";
import { generateToken, hashToken, TOKEN_FORMAT } from "./proxy-token.js";
import { parseTokensFile, readTokensFile, TokensFileError, writeTokensFile } from "./tokens-file.js";

const HASH = "a".repeat(64);
const entry = (over: Record<string, unknown> = {}) => ({
  name: "alice",
  sha256: HASH,
  scope: "read",
  created_at: "2026-03-15T12:00:00Z",
  ...over,
});
const text = (tokens: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ version: 1, tokens, ...extra });

describe("tokens file", () => {
  let fixture: TokensFixture | undefined;
  afterEach(async () => {
    await fixture?.cleanup();
    fixture = undefined;
  });

  it("reads a valid file, revoked entries included", () => {
    const file = parseTokensFile(
      text([entry(), entry({ name: "bob", sha256: "b".repeat(64), revoked_at: "2026-03-16T09:00:00Z" })]),
      "t.json",
    );
    expect(file.tokens.map((t) => [t.name, t.revoked_at])).toEqual([
      ["alice", undefined],
      ["bob", "2026-03-16T09:00:00Z"],
    ]);
  });

  it.each([
    [
      text([entry(), entry({ name: "bob", scope: "admin" })]),
      /tokens\[1\] \("bob"\): scope must be "read" or "read-write", got "admin"/,
    ],
    [text([entry({ revoked: "2026-03-16T09:00:00Z" })]), /tokens\[0\] \("alice"\): unknown field "revoked"/],
    [text([entry({ sha256: "not-a-hash" })]), /tokens\[0\] \("alice"\): sha256 must be/],
    [text([entry({ name: "two words" })]), /tokens\[0\] \("two words"\): name must be/],
    [text([entry({ created_at: "yesterday" })]), /created_at must be an ISO 8601 instant/],
    [text([entry({ revoked_at: "2026-02-30T00:00:00Z?" })]), /revoked_at must be an ISO 8601 instant/],
    [
      text([entry(), entry({ sha256: "b".repeat(64) })]),
      /tokens\[1\] \("alice"\): name already used by tokens\[0\]/,
    ],
    [text([entry(), entry({ name: "bob" })]), /tokens\[1\] \("bob"\): sha256 already used by tokens\[0\]/],
    [text(["alice"]), /tokens\[0\]: expected an object/],
    [JSON.stringify({ version: 2, tokens: [] }), /version: expected 1, got 2/],
    [JSON.stringify({ version: 1, tokens: {} }), /tokens: expected an array/],
    [JSON.stringify([]), /top level: expected an object/],
    ['{\n  "version": 1,\n  "tokens": [\n  ],\n}\n', /not valid JSON \(.* at line 5 column 1\)/],
  ])("a bad file is an error naming the entry at fault: %s", (content, message) => {
    let caught: unknown;
    try {
      parseTokensFile(content, "team.json");
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(TokensFileError);
    expect((caught as Error).message).toMatch(/^tokens file team\.json: /);
    expect((caught as Error).message).toMatch(message);
  });

  it("a missing file is a TokensFileError with code ENOENT", async () => {
    await expect(readTokensFile("/nonexistent-goatkit/tokens.json")).rejects.toMatchObject({
      code: "ENOENT",
      message: "tokens file /nonexistent-goatkit/tokens.json does not exist",
    });
  });

  it("writes atomically with mode 0600, leaving no temp file, and reads back what it wrote", async () => {
    fixture = await tokensFixture([{ name: "alice", scope: "read" }]);
    const before = await readTokensFile(fixture.path);
    const token = generateToken();
    expect(token).toMatch(TOKEN_FORMAT);
    before.tokens.push({
      name: "bob",
      sha256: hashToken(token),
      scope: "read-write",
      created_at: "2026-03-16T00:00:00.000Z",
    });
    await writeTokensFile(fixture.path, before);
    expect((await stat(fixture.path)).mode & 0o777).toBe(0o600);
    expect(await readdir(fixture.dir)).toEqual(["tokens.json"]);
    expect((await readTokensFile(fixture.path)).tokens.map((t) => t.name)).toEqual(["alice", "bob"]);
    const raw = await readFile(join(fixture.dir, "tokens.json"), "utf8");
    expect(raw).toContain(hashToken(token));
    expect(raw).not.toContain(token);
  });
});
