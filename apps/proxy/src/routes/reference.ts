/**
 * The interactive API reference of the derived endpoints: Scalar's page (`@scalar/hono-api-reference`)
 * on the proxy's own OpenAPI document, with Scalar's browser script served by the proxy from
 * `node_modules` instead of a public CDN and its web fonts off, so the page works on a network with no
 * internet. Relative URLs keep it working under whatever prefix the routes are mounted at.
 * @module
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import { Scalar } from "@scalar/hono-api-reference";
import { Hono } from "hono";

/** The page and its script, relative to where the derived routes are mounted (public in gateway mode). */
export const REFERENCE_PATH = "/reference";
export const REFERENCE_SCRIPT_PATH = "/reference/scalar.js";

/** The package whose standalone browser bundle the page runs (its `Scalar.createApiReference`). */
export const SCALAR_BUNDLE = "@scalar/api-reference/browser/standalone.js";

export interface ReferenceRoutesOptions {
  /** The bundle's file; default: resolved from the installed `@scalar/api-reference`. */
  scriptPath?: string | undefined;
}

/** Where the installed bundle is, or undefined when `@scalar/api-reference` is not installed. */
export function resolveScalarBundle(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve(SCALAR_BUNDLE);
  } catch {
    return undefined;
  }
}

interface Bundle {
  plain: Buffer<ArrayBuffer>;
  gzip: Buffer<ArrayBuffer>;
}

export function referenceRoutes(options: ReferenceRoutesOptions = {}): Hono {
  const app = new Hono();
  app.get(
    REFERENCE_PATH,
    Scalar({
      pageTitle: "goatkit-proxy · derived endpoints API reference",
      // Both relative to /…/reference: the document beside it, the script below it.
      url: "openapi.json",
      cdn: "reference/scalar.js",
      withDefaultFonts: false,
      hideDownloadButton: false,
    }),
  );
  // Read and compressed once, on first use (about 2.8 MB, 0.7 MB gzipped), then served from memory.
  let bundle: Promise<Bundle | undefined> | undefined;
  const load = () => {
    bundle ??= (async () => {
      const path = options.scriptPath ?? resolveScalarBundle();
      if (path === undefined) return undefined;
      const plain = await readFile(path);
      return { plain, gzip: gzipSync(plain) };
    })().catch(() => undefined);
    return bundle;
  };
  app.get(REFERENCE_SCRIPT_PATH, async (c) => {
    const loaded = await load();
    if (!loaded) {
      bundle = undefined; // installed later: found on the next request
      const body = JSON.stringify({
        data: null,
        error: "The API reference's script is not installed: add @scalar/api-reference beside goatkit-proxy.",
        meta: { code: "reference_unavailable" },
      });
      return new Response(body, {
        status: 503,
        headers: { "content-type": "application/json; charset=UTF-8" },
      });
    }
    const gzip = /\bgzip\b/.test(c.req.header("accept-encoding") ?? "");
    const headers: Record<string, string> = {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=86400",
      vary: "Accept-Encoding",
      "x-content-type-options": "nosniff",
    };
    if (gzip) headers["content-encoding"] = "gzip";
    return new Response(gzip ? loaded.gzip : loaded.plain, { headers });
  });
  return app;
}
