/**
 * Real headless Chromium (Debian's package) for tests of the pages the proxy serves: the DOM after the
 * page ran (`--dump-dom`), the requests the page itself made (from Chromium's net log, so "nothing was
 * fetched from elsewhere" is observed, not assumed), and screenshots for people to look at. Every run
 * gets a fresh profile, resolves no host name but loopback (a network with no internet), and keeps
 * Chromium's own background traffic off. Runs are slow on 2 cores: call them one at a time.
 * @module
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Whether Chromium is installed; CI installs it, so a CI run without it is a failure, not a skip. */
export const chromiumInstalled = existsSync(CHROMIUM_PATH);

export const CHROMIUM_MISSING =
  `Chromium is not installed at ${CHROMIUM_PATH}: the page tests are skipped ` +
  "(apt-get install -y chromium, as .ci/run does)";

const BASE_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--hide-scrollbars",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-extensions",
  "--disable-default-apps",
  // No name resolves but loopback: what a page needs from elsewhere fails, as it would offline.
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
];

function run(args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      CHROMIUM_PATH,
      [...BASE_FLAGS, ...args],
      { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, encoding: "utf8" },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`chromium ${args.at(-1)}: ${err.message}\n${stderr.slice(-2000)}`));
        else resolve(stdout);
      },
    );
  });
}

export interface LoadedPage {
  /** The DOM serialised after the page's scripts ran. */
  dom: string;
  /** Every URL the page itself asked for (Chromium's own requests left out), the page first. */
  requests: string[];
}

/**
 * Loads `url` and returns its DOM and the requests it made. `budgetMs` is virtual time given to the
 * page's scripts (fetching and rendering) before the DOM is taken.
 */
export async function loadPage(
  url: string,
  options: { budgetMs?: number; timeoutMs?: number } = {},
): Promise<LoadedPage> {
  const dir = mkdtempSync(join(tmpdir(), "goatkit-chromium-"));
  try {
    const netLog = join(dir, "net-log.json");
    const dom = await run(
      [
        `--user-data-dir=${join(dir, "profile")}`,
        `--log-net-log=${netLog}`,
        `--virtual-time-budget=${options.budgetMs ?? 2000}`,
        "--dump-dom",
        url,
      ],
      options.timeoutMs ?? 90_000,
    );
    return { dom, requests: pageRequests(readFileSync(netLog, "utf8"), url) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The URLs of the page's own requests in a net log: the navigation and what the page initiated. */
function pageRequests(netLogText: string, pageUrl: string): string[] {
  const log = JSON.parse(netLogText) as {
    constants: { logEventTypes: Record<string, number> };
    events: { type: number; params?: { url?: string; initiator?: string } }[];
  };
  const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  const urls = new Set<string>();
  for (const e of log.events) {
    const url = e.params?.url;
    if (e.type !== start || url === undefined) continue;
    // Chromium's own services (updates, accounts) have no initiating origin; the page's requests do.
    if (url === pageUrl || (e.params?.initiator !== undefined && e.params.initiator !== "not an origin"))
      urls.add(url);
  }
  return [...urls];
}

/** A PNG of `url` in a window of `width` × `height` CSS pixels. */
export async function screenshot(
  url: string,
  file: string,
  options: { width?: number; height?: number; budgetMs?: number; timeoutMs?: number } = {},
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "goatkit-chromium-"));
  try {
    await run(
      [
        `--user-data-dir=${join(dir, "profile")}`,
        `--window-size=${options.width ?? 1280},${options.height ?? 2400}`,
        `--virtual-time-budget=${options.budgetMs ?? 2000}`,
        `--screenshot=${file}`,
        url,
      ],
      options.timeoutMs ?? 90_000,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', nbsp: " ", "#39": "'" };

/** Decodes the entities a serialised DOM uses in text and attribute values. */
export function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|nbsp|#39);/g, (_, name: string) => ENTITIES[name]!);
}

/** The page's visible text, tags stripped and whitespace collapsed (style and script content left out). */
export function textOf(dom: string): string {
  const body = dom.replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1>/gi, " ");
  return decodeEntities(body.replace(/<[^>]+>/g, " "))
    .replace(/\s+/g, " ")
    .trim();
}
