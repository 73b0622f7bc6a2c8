/**
 * The tokens file a team gateway reads: JSON, written by `goatkit-proxy tokens add|revoke` so nobody
 * hand-writes a hash, and checked strictly when read, because a typo must never go unnoticed here (a
 * misspelt `revoked_at` would leave a revoked token working). Writes are atomic (a temp file in the same
 * folder, then a rename) with mode 0600, so the gateway re-reading it sees the old file or the new one.
 *
 * ```json
 * {
 *   "version": 1,
 *   "tokens": [
 *     { "name": "alice", "sha256": "<64 hex>", "scope": "read", "created_at": "2026-03-15T12:00:00.000Z" },
 *     { "name": "bob", "sha256": "<64 hex>", "scope": "read-write", "created_at": "…", "revoked_at": "…" }
 *   ]
 * }
 * ```
 * @module
 */
import { randomBytes } from "node:crypto";
import { chmod, open, readFile, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { SCOPES, type Scope } from "./proxy-token.js";

export const TOKENS_FILE_VERSION = 1;

export interface TokenEntry {
  /** Who holds it; what the access log shows. Letters, digits and `._@+-`, at most 64 characters. */
  name: string;
  /** SHA-256 of the token, 64 lowercase hex characters. */
  sha256: string;
  scope: Scope;
  /** ISO 8601 instant. */
  created_at: string;
  /** ISO 8601 instant; present means revoked (from the next re-read of the file on). */
  revoked_at?: string | undefined;
}

export interface TokensFile {
  version: typeof TOKENS_FILE_VERSION;
  tokens: TokenEntry[];
}

export const TOKEN_NAME_FORMAT = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ENTRY_FIELDS = new Set(["name", "sha256", "scope", "created_at", "revoked_at"]);

/** A tokens file that cannot be used; the message names the file and the entry (or line) at fault. */
export class TokensFileError extends Error {
  override name = "TokensFileError";
  /** `ENOENT` when the file does not exist, `EACCES` etc. for other read failures, `invalid` for content. */
  readonly code: string;
  constructor(message: string, code = "invalid") {
    super(message);
    this.code = code;
  }
}

export function emptyTokensFile(): TokensFile {
  return { version: TOKENS_FILE_VERSION, tokens: [] };
}

/** Checks and returns the file's content; throws a {@link TokensFileError} naming what is wrong. */
export function parseTokensFile(text: string, path: string): TokensFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new TokensFileError(`tokens file ${path}: not valid JSON (${jsonProblem(err, text)})`);
  }
  const fail = (where: string, problem: string): never => {
    throw new TokensFileError(`tokens file ${path}: ${where}: ${problem}`);
  };
  if (!isObject(raw)) return fail("top level", 'expected an object { "version": 1, "tokens": [...] }');
  if (raw.version !== TOKENS_FILE_VERSION)
    fail("version", `expected ${TOKENS_FILE_VERSION}, got ${JSON.stringify(raw.version)}`);
  for (const key of Object.keys(raw)) {
    if (key !== "version" && key !== "tokens") fail(key, "unknown field (expected version and tokens)");
  }
  if (!Array.isArray(raw.tokens)) return fail("tokens", "expected an array");

  const names = new Map<string, number>();
  const hashes = new Map<string, number>();
  const tokens = raw.tokens.map((item: unknown, i: number): TokenEntry => {
    const named = isObject(item) && typeof item.name === "string" ? ` (${JSON.stringify(item.name)})` : "";
    const at = `tokens[${i}]${named}`;
    if (!isObject(item)) return fail(at, "expected an object");
    for (const key of Object.keys(item)) {
      if (!ENTRY_FIELDS.has(key))
        fail(at, `unknown field ${JSON.stringify(key)} (expected ${[...ENTRY_FIELDS].join(", ")})`);
    }
    const { name, sha256, scope, created_at, revoked_at } = item;
    if (typeof name !== "string" || !TOKEN_NAME_FORMAT.test(name))
      fail(at, "name must be 1–64 letters, digits or ._@+- (starting with a letter or digit)");
    if (typeof sha256 !== "string" || !SHA256_HEX.test(sha256))
      fail(at, "sha256 must be the token's SHA-256 in 64 lowercase hex characters");
    if (typeof scope !== "string" || !(SCOPES as readonly string[]).includes(scope))
      fail(
        at,
        `scope must be ${SCOPES.map((s) => JSON.stringify(s)).join(" or ")}, got ${JSON.stringify(scope)}`,
      );
    if (!isInstant(created_at))
      fail(at, "created_at must be an ISO 8601 instant such as 2026-03-15T12:00:00Z");
    if (revoked_at !== undefined && !isInstant(revoked_at))
      fail(at, "revoked_at must be an ISO 8601 instant (or left out while the token is in use)");
    const sameName = names.get(name as string);
    if (sameName !== undefined) fail(at, `name already used by tokens[${sameName}]`);
    const sameHash = hashes.get(sha256 as string);
    if (sameHash !== undefined) fail(at, `sha256 already used by tokens[${sameHash}]`);
    names.set(name as string, i);
    hashes.set(sha256 as string, i);
    return {
      name: name as string,
      sha256: sha256 as string,
      scope: scope as Scope,
      created_at: created_at as string,
      ...(revoked_at === undefined ? {} : { revoked_at: revoked_at as string }),
    };
  });
  return { version: TOKENS_FILE_VERSION, tokens };
}

/** Reads and checks the file; a read failure is a {@link TokensFileError} with the OS's code. */
export async function readTokensFile(path: string): Promise<TokensFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    throw readError(err, path);
  }
  return parseTokensFile(text, path);
}

/** The {@link TokensFileError} for a failed read of `path`. */
export function readError(err: unknown, path: string): TokensFileError {
  const code = (err as NodeJS.ErrnoException).code ?? "EIO";
  if (code === "ENOENT") return new TokensFileError(`tokens file ${path} does not exist`, code);
  return new TokensFileError(`cannot read tokens file ${path}: ${(err as Error).message}`, code);
}

/**
 * Writes the file atomically with mode 0600: a temp file beside it (same file system, so the rename is
 * atomic), flushed, then renamed over it. A reader sees the old content or the new, never half of it.
 */
export async function writeTokensFile(path: string, file: TokensFile): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(temp, "wx", 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(file, null, 2)}\n`, "utf8");
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw err;
  }
  await handle.close();
  try {
    await chmod(temp, 0o600); // in case a umask made it narrower than asked; never wider
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => {});
    throw err;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isInstant(value: unknown): boolean {
  return typeof value === "string" && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * The parser's complaint with a line and column, worded the same on every runtime (Node 20 gives only a
 * character position; Node 22 and later add "(line N column M)" after it).
 */
function jsonProblem(err: unknown, text: string): string {
  const message = (err as Error).message;
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position === undefined) return message;
  const before = text.slice(0, Number(position));
  const line = before.split("\n").length;
  const column = Number(position) - before.lastIndexOf("\n");
  return `${message.replace(/ at position \d+.*$/, "").replace(/ in JSON$/, "")} at line ${line} column ${column}`;
}
