/**
 * `goatkit-proxy tokens add|list|revoke` and `--tokens` on the main command, spawned as a user runs them:
 * the token is printed once and only its hash stored (0600), list never shows a hash, usage errors are
 * one line and exit 2, a bad tokens file stops the gateway at start naming the entry, and `--demo
 * --tokens` serves teammates whose tokens are added while it runs.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cliRunner } from "@goatkit/core-test-helpers/spawn-cli.js";
import { SANDBOX_KEYS } from "@goatkit/sandbox";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashToken, TOKEN_FORMAT } from "./proxy-token.js";
import { runTokensCli } from "./tokens-cli.js";

const run = cliRunner(fileURLToPath(new URL("../..", import.meta.url)));

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "goatkit-tokens-cli-"));
  file = join(dir, "team.json");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

// The spawned CLI inherits this process's environment: the team key is set per test, never inherited.
const savedKey = process.env.TRACKAGOAT_API_KEY;
beforeAll(() => {
  delete process.env.TRACKAGOAT_API_KEY;
});
afterAll(() => {
  if (savedKey === undefined) delete process.env.TRACKAGOAT_API_KEY;
  else process.env.TRACKAGOAT_API_KEY = savedKey;
});

async function tokens(args: string[]) {
  const cli = run(["tokens", ...args]);
  const code = await cli.exited;
  return { code, stdout: cli.stdout, stderr: cli.stderr };
}

/** In process, for the many small cases: the same program the spawned CLI runs. */
async function inProcess(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runTokensCli(args, {
    out: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
    now: () => new Date("2026-03-15T12:00:00.000Z"),
  });
  return { code, stdout, stderr };
}

/** Spawned tests start tsx and the whole CLI several times: generous on a busy 2-core machine. */
const SPAWNED = { timeout: 60_000 };

describe("goatkit-proxy tokens", () => {
  it(
    "spawned: add prints the token once and stores only its hash (0600); list shows no hash; revoke marks it",
    SPAWNED,
    async () => {
      const added = await tokens(["add", "alice", "--scope", "read", "--file", file]);
      expect(added.code).toBe(0);
      const token = added.stdout.trim();
      expect(token).toMatch(TOKEN_FORMAT);
      expect(added.stderr).toMatch(/Added proxy token "alice" \(read\)/);
      expect(added.stderr).not.toContain(token);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      const stored = await readFile(file, "utf8");
      expect(stored).not.toContain(token);
      expect(JSON.parse(stored).tokens[0]).toMatchObject({
        name: "alice",
        sha256: hashToken(token),
        scope: "read",
      });

      const revoked = await tokens(["revoke", "alice", "--file", file]);
      expect(revoked.code).toBe(0);
      expect(revoked.stderr).toMatch(/Revoked "alice" \(read\)/);

      const list = await tokens(["list", "--file", file]);
      expect(list.code).toBe(0);
      expect(list.stdout).toMatch(/^NAME\s+SCOPE\s+CREATED\s+REVOKED\n/);
      expect(list.stdout).toMatch(/^alice\s+read\s+\d{4}-\d{2}-\d{2}T\S+Z\s+\d{4}-\d{2}-\d{2}T\S+Z$/m);
      expect(list.stdout).not.toMatch(/[0-9a-f]{64}/);
    },
  );

  it("a second add appends; list (table and --json) never shows a hash; revoking twice is harmless", async () => {
    const alice = await inProcess(["add", "alice", "--scope", "read", "--file", file]);
    const bob = await inProcess(["add", "bob", "--scope", "read-write", "--file", file]);
    expect([alice.code, bob.code]).toEqual([0, 0]);
    expect(bob.stdout.trim()).toMatch(TOKEN_FORMAT);
    expect(bob.stdout.trim()).not.toBe(alice.stdout.trim());
    expect((await inProcess(["revoke", "alice", "--file", file])).code).toBe(0);

    const table = await inProcess(["list", "--file", file]);
    expect(table.stdout).toBe(
      [
        "NAME   SCOPE       CREATED                   REVOKED",
        "alice  read        2026-03-15T12:00:00.000Z  2026-03-15T12:00:00.000Z",
        "bob    read-write  2026-03-15T12:00:00.000Z  -",
        "",
      ].join("\n"),
    );
    const json = await inProcess(["list", "--file", file, "--json"]);
    expect(JSON.parse(json.stdout)).toEqual([
      {
        name: "alice",
        scope: "read",
        created_at: "2026-03-15T12:00:00.000Z",
        revoked_at: "2026-03-15T12:00:00.000Z",
      },
      { name: "bob", scope: "read-write", created_at: "2026-03-15T12:00:00.000Z", revoked_at: null },
    ]);
    for (const out of [table.stdout, json.stdout]) {
      expect(out).not.toContain(hashToken(bob.stdout.trim()));
      expect(out).not.toContain(bob.stdout.trim());
    }
    const again = await inProcess(["revoke", "alice", "--file", file]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/already revoked at 2026-03-15T12:00:00.000Z; nothing changed/);
  });

  it.each([
    [["add", "alice", "--file", "FILE"], /required option '--scope <scope>' not specified/],
    [["add", "alice", "--scope", "admin", "--file", "FILE"], /Allowed choices are read, read-write/],
    [["add", "two words", "--scope", "read", "--file", "FILE"], /a name is 1–64 letters/],
    [["add", "alice", "--scope", "read"], /required option '--file <path>' not specified/],
    [
      ["revoke", "nobody", "--file", "FILE"],
      /tokens file .* does not exist \(goatkit-proxy tokens add creates it\)/,
    ],
    [["list", "--file", "FILE"], /does not exist/],
    [["frobnicate"], /unknown command 'frobnicate'/],
  ])("usage error %j → one line on stderr, exit 2, the file untouched", async (args, message) => {
    const result = await inProcess(args.map((a) => (a === "FILE" ? file : a)));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stdout).toBe("");
    await expect(stat(file)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("a taken name, an unknown name, or a broken file → exit 2 naming the problem; an unwritable folder → 3", async () => {
    expect((await inProcess(["add", "alice", "--scope", "read", "--file", file])).code).toBe(0);
    const taken = await inProcess(["add", "alice", "--scope", "read-write", "--file", file]);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toMatch(/a token named "alice" is already in/);
    expect(taken.stdout).toBe("");
    const unknown = await inProcess(["revoke", "bob", "--file", file]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no token named "bob" .*\(names: alice\)/);
    await writeFile(file, '{"version": 1, "tokens": [{"name": "alice"}]}');
    const broken = await inProcess(["list", "--file", file]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/tokens\[0\] \("alice"\): sha256 must be/);
    const nowhere = await inProcess([
      "add",
      "alice",
      "--scope",
      "read",
      "--file",
      join(dir, "no-dir", "t.json"),
    ]);
    expect(nowhere.code).toBe(3);
    expect(nowhere.stderr).toMatch(/cannot write tokens file/);
    expect(nowhere.stdout).toBe("");
  });

  it("--help lists the commands and exits 0", async () => {
    const help = await inProcess(["--help"]);
    expect(help.code).toBe(0);
    for (const word of ["add", "revoke", "list", "Exit codes"]) expect(help.stdout).toContain(word);
  });
});

describe("goatkit-proxy --tokens (team gateway)", () => {
  it("without TRACKAGOAT_API_KEY → exit 2 saying where the key comes from", SPAWNED, async () => {
    await writeFile(file, JSON.stringify({ version: 1, tokens: [] }));
    const cli = run(["--tokens", file, "--cache", "memory:", "--port", "0"]);
    expect(await cli.exited).toBe(2);
    expect(cli.stderr).toMatch(/^goatkit-proxy: --tokens runs a team gateway.*set TRACKAGOAT_API_KEY/);
    expect(cli.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it(
    "a tokens file with a bad entry → exit 2 at start, naming the entry; the key is never shown",
    SPAWNED,
    async () => {
      await writeFile(
        file,
        JSON.stringify({
          version: 1,
          tokens: [
            { name: "alice", sha256: "a".repeat(64), scope: "read", created_at: "2026-03-15T12:00:00Z" },
            { name: "bob", sha256: "b".repeat(64), scope: "write", created_at: "2026-03-15T12:00:00Z" },
          ],
        }),
      );
      process.env.TRACKAGOAT_API_KEY = SANDBOX_KEYS.orgB;
      try {
        const cli = run(["--tokens", file, "--cache", "memory:", "--port", "0"]);
        expect(await cli.exited).toBe(2);
        expect(cli.stderr).toMatch(
          /^goatkit-proxy: tokens file .*team\.json: tokens\[1\] \("bob"\): scope must be/,
        );
        expect(cli.stderr.trimEnd().split("\n")).toHaveLength(1);
        expect(cli.stderr + cli.stdout).not.toContain(SANDBOX_KEYS.orgB.slice(4));
      } finally {
        delete process.env.TRACKAGOAT_API_KEY;
      }
    },
  );

  it(
    "--demo --tokens: creates the file, says how to make a token, serves a token added while running",
    SPAWNED,
    async () => {
      const cli = run([
        "--demo",
        "--tokens",
        file,
        "--port",
        "0",
        "--scale",
        "tiny",
        "--now",
        "2026-03-31T12:00:00Z",
      ]);
      await cli.output(/Ctrl-C to stop/, 50_000);
      expect(cli.stdout).toMatch(/^goatkit-proxy {2}team gateway/);
      expect(cli.stdout).toContain(`goatkit-proxy tokens add <name> --scope read|read-write --file ${file}`);
      expect(cli.stdout).toContain("(created, empty)");
      expect(cli.stdout).not.toContain(SANDBOX_KEYS.readWrite);
      const [, url] = cli.stdout.match(/API:\s+(http:\/\/127\.0\.0\.1:\d+\/api\/v1)/)!;

      const added = await tokens(["add", "carol", "--scope", "read", "--file", file]);
      expect(added.code).toBe(0);
      const token = added.stdout.trim();
      const get = () => fetch(`${url}/projects`, { headers: { authorization: `Bearer ${token}` } });
      await expect.poll(async () => (await get()).status, { timeout: 5_000, interval: 200 }).toBe(200);
      const refused = await fetch(`${url}/projects`, {
        headers: { authorization: `Bearer ${SANDBOX_KEYS.readWrite}` },
      });
      expect(refused.status).toBe(401);
      cli.child.kill("SIGINT");
      expect(await cli.exited).toBe(0);
    },
  );
});
