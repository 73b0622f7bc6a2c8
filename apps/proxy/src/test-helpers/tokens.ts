/**
 * Team gateway test fixtures: a tokens file in a fresh temp folder, written the way the tokens CLI writes
 * it, with the clear tokens kept aside for the test to send.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateToken, hashToken, type Scope } from "../gateway/proxy-token.js";
import { type TokenEntry, writeTokensFile } from "../gateway/tokens-file.js";

export interface TokensFixture {
  dir: string;
  /** The tokens file. */
  path: string;
  /** Clear token per name. */
  tokens: Record<string, string>;
  cleanup(): Promise<void>;
}

export async function tokensFixture(
  entries: { name: string; scope: Scope; revoked?: boolean }[],
): Promise<TokensFixture> {
  const dir = await mkdtemp(join(tmpdir(), "goatkit-gateway-"));
  const path = join(dir, "tokens.json");
  const tokens: Record<string, string> = {};
  const file: TokenEntry[] = entries.map(({ name, scope, revoked }) => {
    const token = generateToken();
    tokens[name] = token;
    return {
      name,
      sha256: hashToken(token),
      scope,
      created_at: "2026-03-15T12:00:00.000Z",
      ...(revoked ? { revoked_at: "2026-03-15T13:00:00.000Z" } : {}),
    };
  });
  await writeTokensFile(path, { version: 1, tokens: file });
  return { dir, path, tokens, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
