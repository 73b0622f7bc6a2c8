/**
 * `goatkit-proxy tokens add|revoke|list`: managing a team gateway's tokens file, so nobody hand-writes a
 * hash. `add` prints the new token once (alone on stdout, so `TOKEN=$(goatkit-proxy tokens add …)` works;
 * the notes go to stderr) and stores only its SHA-256. A running gateway picks every change up within a
 * second, no restart. Exit codes: 0 ok, 2 usage (a bad flag, name or file content), 3 the file cannot be
 * read or written.
 * @module
 */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { generateToken, hashToken, SCOPES, type Scope } from "./proxy-token.js";
import {
  emptyTokensFile,
  readTokensFile,
  TOKEN_NAME_FORMAT,
  type TokensFile,
  TokensFileError,
  writeTokensFile,
} from "./tokens-file.js";

export interface TokensCliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  now: () => Date;
}

const EXIT_USAGE = 2;
const EXIT_IO = 3;

/** A failure with its exit code and one line for stderr. */
class CliFailure extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

const defaultIo: TokensCliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  now: () => new Date(),
};

/** Runs `goatkit-proxy tokens <args…>`; resolves with the exit code. */
export async function runTokensCli(args: string[], io: TokensCliIo = defaultIo): Promise<number> {
  const program = tokensProgram(io);
  try {
    await program.parseAsync(args, { from: "user" });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === "commander.helpDisplayed" || err.code === "commander.version" ? 0 : EXIT_USAGE;
    }
    if (err instanceof CliFailure) {
      io.err(`goatkit-proxy tokens: ${err.message}\n`);
      return err.exitCode;
    }
    throw err;
  }
}

const tokenName = (value: string) => {
  if (!TOKEN_NAME_FORMAT.test(value))
    throw new InvalidArgumentError(
      "a name is 1–64 letters, digits or ._@+- (starting with a letter or digit).",
    );
  return value;
};

const fileOption = () =>
  new Option("--file <path>", "the gateway's tokens file (JSON)").makeOptionMandatory();

function tokensProgram(io: TokensCliIo): Command {
  const program = new Command()
    .name("goatkit-proxy tokens")
    .description(
      "Manage a team gateway's proxy tokens (goatkit-proxy --tokens <file>). The file holds names, scopes\n" +
        "and SHA-256 hashes only; a running gateway re-reads it within a second, no restart.",
    )
    .configureOutput({
      writeOut: io.out,
      writeErr: io.err,
      outputError: (str, write) => write(`${str.trimEnd()} (see goatkit-proxy tokens --help)\n`),
    })
    .exitOverride()
    .addHelpText(
      "after",
      "\nExit codes: 0 ok, 2 usage (bad flag, name or file content), 3 file not readable/writable.",
    );

  program
    .command("add")
    .description("create a token, print it once, store only its hash (creates the file, mode 0600)")
    .argument("<name>", "who holds it (shown in the access log)", tokenName)
    .addOption(
      new Option("--scope <scope>", "read: GET/HEAD only; read-write: writes too")
        .choices(SCOPES)
        .makeOptionMandatory(),
    )
    .addOption(fileOption())
    .action(async (name: string, opts: { scope: Scope; file: string }) => {
      const file = await load(opts.file, { missingOk: true });
      const existing = file.tokens.find((t) => t.name === name);
      if (existing) {
        throw new CliFailure(
          EXIT_USAGE,
          `a token named ${JSON.stringify(name)} is already in ${opts.file}` +
            (existing.revoked_at ? ` (revoked ${existing.revoked_at})` : "") +
            "; names stay unique so the access log is unambiguous: pick another name",
        );
      }
      const token = generateToken();
      file.tokens.push({
        name,
        sha256: hashToken(token),
        scope: opts.scope,
        created_at: io.now().toISOString(),
      });
      await save(opts.file, file);
      io.out(`${token}\n`);
      io.err(
        `Added proxy token ${JSON.stringify(name)} (${opts.scope}) to ${opts.file}.\n` +
          "The token above is shown this once; only its SHA-256 is stored. Give it to its holder, who sends\n" +
          "it as: Authorization: Bearer <token>\n",
      );
    });

  program
    .command("revoke")
    .description("revoke a token by name (it stays listed, with the time it was revoked)")
    .argument("<name>", "the token's name", tokenName)
    .addOption(fileOption())
    .action(async (name: string, opts: { file: string }) => {
      const file = await load(opts.file, { missingOk: false });
      const entry = file.tokens.find((t) => t.name === name);
      if (!entry) {
        const names = file.tokens.map((t) => t.name);
        throw new CliFailure(
          EXIT_USAGE,
          `no token named ${JSON.stringify(name)} in ${opts.file}` +
            (names.length > 0 ? ` (names: ${names.join(", ")})` : " (it has no tokens)"),
        );
      }
      if (entry.revoked_at) {
        io.err(`${JSON.stringify(name)} was already revoked at ${entry.revoked_at}; nothing changed.\n`);
        return;
      }
      entry.revoked_at = io.now().toISOString();
      await save(opts.file, file);
      io.err(
        `Revoked ${JSON.stringify(name)} (${entry.scope}). A running gateway refuses it within a second.\n`,
      );
    });

  program
    .command("list")
    .description("names, scopes, created and revoked times (never hashes)")
    .addOption(fileOption())
    .option("--json", "as a JSON array")
    .action(async (opts: { file: string; json?: boolean }) => {
      const file = await load(opts.file, { missingOk: false });
      const rows = file.tokens.map((t) => ({
        name: t.name,
        scope: t.scope,
        created_at: t.created_at,
        revoked_at: t.revoked_at ?? null,
      }));
      if (opts.json) {
        io.out(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      if (rows.length === 0) {
        io.out(`No tokens in ${opts.file}.\n`);
        return;
      }
      io.out(
        table([
          ["NAME", "SCOPE", "CREATED", "REVOKED"],
          ...rows.map((r) => [r.name, r.scope, r.created_at, r.revoked_at ?? "-"]),
        ]),
      );
    });

  return program;
}

async function load(path: string, { missingOk }: { missingOk: boolean }): Promise<TokensFile> {
  try {
    return await readTokensFile(path);
  } catch (err) {
    if (!(err instanceof TokensFileError)) throw err;
    if (err.code === "ENOENT") {
      if (missingOk) return emptyTokensFile();
      throw new CliFailure(EXIT_USAGE, `${err.message} (goatkit-proxy tokens add creates it)`);
    }
    throw new CliFailure(err.code === "invalid" ? EXIT_USAGE : EXIT_IO, err.message);
  }
}

async function save(path: string, file: TokensFile): Promise<void> {
  try {
    await writeTokensFile(path, file);
  } catch (err) {
    throw new CliFailure(EXIT_IO, `cannot write tokens file ${path}: ${(err as Error).message}`);
  }
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map(
      (r) =>
        `${r
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join("  ")
          .trimEnd()}\n`,
    )
    .join("");
}
