/**
 * The token store: verifies by hash, sees the file change without a restart (at most one check per
 * interval), and fails closed while the file is broken.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { type TokensFixture, tokensFixture } from "../test-helpers/tokens.js";
import { generateToken } from "./proxy-token.js";
import { TokenStore } from "./token-store.js";
import { readTokensFile, TokensFileError, writeTokensFile } from "./tokens-file.js";

let fixture: TokensFixture;
afterEach(async () => {
  await fixture?.cleanup();
});

async function revoke(path: string, name: string): Promise<void> {
  const file = await readTokensFile(path);
  file.tokens.find((t) => t.name === name)!.revoked_at = "2026-03-16T00:00:00.000Z";
  await writeTokensFile(path, file);
}

describe("TokenStore", () => {
  it("knows each token's name and scope; unknown, malformed and revoked tokens are refused", async () => {
    fixture = await tokensFixture([
      { name: "alice", scope: "read" },
      { name: "bob", scope: "read-write" },
      { name: "carol", scope: "read", revoked: true },
    ]);
    const store = new TokenStore(fixture.path);
    expect(await store.verify(fixture.tokens.alice!)).toEqual({ ok: true, name: "alice", scope: "read" });
    expect(await store.verify(fixture.tokens.bob!)).toEqual({ ok: true, name: "bob", scope: "read-write" });
    expect(await store.verify(fixture.tokens.carol!)).toEqual({ ok: false, reason: "revoked" });
    expect(await store.verify(generateToken())).toEqual({ ok: false, reason: "unknown" });
    expect(await store.verify("gkp_short")).toEqual({ ok: false, reason: "unknown" });
    expect(await store.verify(`${fixture.tokens.alice!}x`)).toEqual({ ok: false, reason: "unknown" });
  });

  it("a bad file at start throws the file's error, naming the entry", async () => {
    fixture = await tokensFixture([]);
    await writeFile(fixture.path, JSON.stringify({ version: 1, tokens: [{ name: "x" }] }));
    expect(() => new TokenStore(fixture.path)).toThrow(TokensFileError);
    expect(() => new TokenStore(fixture.path)).toThrow(/tokens\[0\] \("x"\): sha256 must be/);
    expect(() => new TokenStore(`${fixture.path}.missing`)).toThrow(/does not exist/);
  });

  it("re-reads a changed file at most once per interval: a revocation lands without a restart", async () => {
    fixture = await tokensFixture([{ name: "alice", scope: "read" }]);
    let now = 0;
    const store = new TokenStore(fixture.path, { recheckMs: 1_000, clock: () => now });
    const alice = fixture.tokens.alice!;
    await revoke(fixture.path, "alice");
    now = 999; // inside the interval: the file is not looked at
    expect(await store.verify(alice)).toMatchObject({ ok: true });
    now = 1_000;
    expect(await store.verify(alice)).toEqual({ ok: false, reason: "revoked" });
  });

  it("a file broken while running refuses every token (fail closed), says so once, and recovers", async () => {
    fixture = await tokensFixture([{ name: "alice", scope: "read" }]);
    const errors: unknown[] = [];
    const store = new TokenStore(fixture.path, { recheckMs: 0, onError: (err) => errors.push(err) });
    const alice = fixture.tokens.alice!;
    const good = await readTokensFile(fixture.path);

    await writeFile(fixture.path, '{"version": 1, "tokens": [ { "name": "alice", "revoked-at": "x" ');
    expect(await store.verify(alice)).toEqual({ ok: false, reason: "unavailable" });
    expect(await store.verify(alice)).toEqual({ ok: false, reason: "unavailable" });
    expect(errors).toHaveLength(1);
    expect(String((errors[0] as Error).message)).toMatch(
      /not valid JSON.*refusing every token until it is fixed/,
    );

    await writeTokensFile(fixture.path, good);
    expect(await store.verify(alice)).toMatchObject({ ok: true, name: "alice" });

    await writeFile(`${fixture.path}`, ""); // emptied in place
    expect(await store.verify(alice)).toEqual({ ok: false, reason: "unavailable" });
    expect(errors).toHaveLength(2);
  });

  it("a deleted file refuses every token until it is back", async () => {
    fixture = await tokensFixture([{ name: "alice", scope: "read" }]);
    const good = await readTokensFile(fixture.path);
    const store = new TokenStore(fixture.path, { recheckMs: 0, onError: () => {} });
    await fixture.cleanup();
    expect(await store.verify(fixture.tokens.alice!)).toEqual({ ok: false, reason: "unavailable" });
    await mkdir(fixture.dir);
    await writeTokensFile(fixture.path, good);
    expect(await store.verify(fixture.tokens.alice!)).toMatchObject({ ok: true });
  });
});
