/**
 * `goatkit-proxy --tokens <file>`: what the main command needs for team gateway mode. The team key comes
 * from `TRACKAGOAT_API_KEY` only (a flag would put it in `ps` output and shell history); with `--demo` it
 * is the embedded sandbox's demo key and a missing tokens file is created empty, since tokens can be
 * added while the gateway runs. Problems come back as one line and an exit code (2 usage, 3 unreadable).
 * @module
 */
import { SANDBOX_KEYS } from "@goatkit/sandbox";
import type { GatewayOptions } from "./options.js";
import { TRACKAGOAT_KEY_FORMAT } from "./options.js";
import { TokenStore } from "./token-store.js";
import { emptyTokensFile, TokensFileError, writeTokensFile } from "./tokens-file.js";

export const TEAM_KEY_ENV = "TRACKAGOAT_API_KEY";

export type GatewaySetup =
  | { ok: true; gateway: GatewayOptions & { tokens: TokenStore }; createdFile: boolean }
  | { ok: false; exitCode: 2 | 3; problem: string };

/** The `gateway` option for `--tokens <file>`, or why there is none. Loads (and checks) the file now. */
export async function gatewayFromCli(
  tokensFile: string,
  context: { demo: boolean; env: NodeJS.ProcessEnv; onError?: (err: unknown) => void },
): Promise<GatewaySetup> {
  let teamKey: string;
  if (context.demo) teamKey = SANDBOX_KEYS.readWrite;
  else {
    const fromEnv = context.env[TEAM_KEY_ENV];
    if (fromEnv === undefined || fromEnv.trim() === "") {
      return {
        ok: false,
        exitCode: 2,
        problem: `--tokens runs a team gateway, which sends the team's key upstream: set ${TEAM_KEY_ENV} (it is never a flag), or try --demo --tokens ${tokensFile}.`,
      };
    }
    if (!TRACKAGOAT_KEY_FORMAT.test(fromEnv.trim())) {
      return {
        ok: false,
        exitCode: 2,
        problem: `${TEAM_KEY_ENV} is not a trackagoat key (expected tga_ and 64 lowercase hex characters; its value is not shown).`,
      };
    }
    teamKey = fromEnv.trim();
  }

  let createdFile = false;
  for (;;) {
    try {
      const tokens = new TokenStore(tokensFile, { onError: context.onError });
      return { ok: true, gateway: { tokens, teamKey }, createdFile };
    } catch (err) {
      if (!(err instanceof TokensFileError)) throw err;
      if (err.code === "ENOENT" && context.demo && !createdFile) {
        try {
          await writeTokensFile(tokensFile, emptyTokensFile());
        } catch (writeErr) {
          return {
            ok: false,
            exitCode: 3,
            problem: `cannot create tokens file ${tokensFile}: ${(writeErr as Error).message}`,
          };
        }
        createdFile = true;
        continue;
      }
      if (err.code === "ENOENT") {
        return {
          ok: false,
          exitCode: 2,
          problem: `${err.message}: create it with goatkit-proxy tokens add <name> --scope read --file ${tokensFile}`,
        };
      }
      return { ok: false, exitCode: err.code === "invalid" ? 2 : 3, problem: err.message };
    }
  }
}

/** What the banner says in gateway mode: how teammates call it and how to give them a token. */
export function gatewayBanner(
  tokensFile: string,
  context: { demo: boolean; createdFile: boolean },
): string[] {
  return [
    `Gateway:   team key from ${context.demo ? "the sandbox (its demo key)" : TEAM_KEY_ENV}; proxy tokens in ${tokensFile}${context.createdFile ? " (created, empty)" : ""}`,
    `Tokens:    goatkit-proxy tokens add <name> --scope read|read-write --file ${tokensFile}`,
    `           (also: tokens list, tokens revoke <name>; the gateway re-reads the file, no restart)`,
  ];
}
