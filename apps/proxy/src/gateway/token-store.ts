/**
 * The gateway's view of its tokens file: loaded (and checked) once at start, then re-read when the file
 * changes, so adding or revoking a token needs no restart. The check is one `stat` at most once per
 * `recheckMs` (1 s by default), made by whichever request comes first; a file replaced by a rename (as
 * the tokens CLI writes it) has a new inode, so no change is missed for a coarse mtime.
 *
 * A file that becomes unreadable or invalid while running fails closed: every token is refused until
 * the file is fixed, because keeping the last good copy would keep a just-revoked token working.
 * @module
 */
import { timingSafeEqual } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { open, stat } from "node:fs/promises";
import { hashToken, type Scope, TOKEN_FORMAT } from "./proxy-token.js";
import { parseTokensFile, readError, type TokenEntry, TokensFileError } from "./tokens-file.js";

export interface TokenStoreOptions {
  /** Shortest time between two checks of the file. Default 1 000 ms. */
  recheckMs?: number | undefined;
  /** Monotonic ms clock for the recheck interval. Default `performance.now`. */
  clock?: (() => number) | undefined;
  /** Told once per broken version of the file while running (the message names the entry at fault). */
  onError?: ((err: unknown) => void) | undefined;
}

export type Verification =
  | { ok: true; name: string; scope: Scope }
  | { ok: false; reason: "unknown" | "revoked" | "unavailable" };

interface Loaded {
  entries: { name: string; hash: Buffer; scope: Scope; revoked: boolean }[];
}

export const DEFAULT_RECHECK_MS = 1_000;

/** A file's identity and version: a rename changes `ino`, an edit in place `mtime`/`ctime`/`size`. */
function signature(s: { ino: bigint; size: bigint; mtimeNs: bigint; ctimeNs: bigint }): string {
  return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}

export class TokenStore {
  readonly path: string;
  readonly #recheckMs: number;
  readonly #clock: () => number;
  readonly #onError: (err: unknown) => void;
  #loaded: Loaded;
  /** Why the current file cannot be used (fail closed), or undefined. */
  #broken: TokensFileError | undefined;
  #signature: string;
  #checkedAt: number;
  #checking: Promise<void> | undefined;

  /** Loads the file now; throws a {@link TokensFileError} (naming the entry at fault) if it cannot. */
  constructor(path: string, options: TokenStoreOptions = {}) {
    this.path = path;
    this.#recheckMs = options.recheckMs ?? DEFAULT_RECHECK_MS;
    if (!Number.isFinite(this.#recheckMs) || this.#recheckMs < 0)
      throw new RangeError(`recheckMs must be a number ≥ 0, got ${String(options.recheckMs)}`);
    this.#clock = options.clock ?? (() => performance.now());
    this.#onError = options.onError ?? ((err) => console.error("[goatkit-proxy]", (err as Error).message));
    let text: string;
    try {
      this.#signature = signature(statSync(path, { bigint: true }));
      text = readFileSync(path, "utf8");
    } catch (err) {
      throw readError(err, path);
    }
    this.#loaded = load(text, path);
    this.#checkedAt = this.#clock();
  }

  /** Who a presented token belongs to, after a re-read of the file if it changed. */
  async verify(token: string): Promise<Verification> {
    await this.refresh();
    if (this.#broken) return { ok: false, reason: "unavailable" };
    if (!TOKEN_FORMAT.test(token)) return { ok: false, reason: "unknown" };
    const hash = Buffer.from(hashToken(token), "hex");
    // Every entry is compared, in constant time, with no early exit: the time taken says nothing about
    // which hash (or how much of one) matched.
    let found: Loaded["entries"][number] | undefined;
    for (const entry of this.#loaded.entries) {
      if (timingSafeEqual(hash, entry.hash) && found === undefined) found = entry;
    }
    if (!found) return { ok: false, reason: "unknown" };
    if (found.revoked) return { ok: false, reason: "revoked" };
    return { ok: true, name: found.name, scope: found.scope };
  }

  /** Re-reads the file if it changed and the last check is `recheckMs` old; concurrent callers share one. */
  refresh(): Promise<void> {
    if (this.#checking) return this.#checking;
    if (this.#clock() - this.#checkedAt < this.#recheckMs) return Promise.resolve();
    this.#checking = this.#check().finally(() => {
      this.#checkedAt = this.#clock();
      this.#checking = undefined;
    });
    return this.#checking;
  }

  async #check(): Promise<void> {
    let current: string;
    try {
      current = signature(await stat(this.path, { bigint: true }));
    } catch (err) {
      return this.#fail(readError(err, this.path), "missing");
    }
    if (current === this.#signature) return;
    // The identity recorded is that of the handle read from, so a replacement racing this read is seen
    // as a change at the next check.
    let handle: Awaited<ReturnType<typeof open>> | undefined;
    try {
      handle = await open(this.path, "r");
      const read = signature(await handle.stat({ bigint: true }));
      const text = await handle.readFile("utf8");
      try {
        this.#loaded = load(text, this.path);
        this.#broken = undefined;
      } catch (err) {
        this.#fail(err as TokensFileError, read);
      }
      this.#signature = read;
    } catch (err) {
      this.#fail(readError(err, this.path), "unreadable");
    } finally {
      await handle?.close().catch(() => {});
    }
  }

  #fail(err: TokensFileError, version: string): void {
    const already = this.#broken?.message === err.message;
    this.#broken = err;
    this.#signature = version;
    if (!already)
      this.#onError(new TokensFileError(`${err.message}; refusing every token until it is fixed`, err.code));
  }
}

function load(text: string, path: string): Loaded {
  const file = parseTokensFile(text, path);
  return { entries: file.tokens.map(toLoaded) };
}

function toLoaded(entry: TokenEntry): Loaded["entries"][number] {
  return {
    name: entry.name,
    hash: Buffer.from(entry.sha256, "hex"),
    scope: entry.scope,
    revoked: entry.revoked_at !== undefined,
  };
}
