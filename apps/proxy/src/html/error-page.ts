/**
 * A small HTML page for a refused or failed `format=html` request: the same status and `meta.code` as
 * the JSON envelope the other formats get, the message escaped, and what to do about it.
 * @module
 */
import { html } from "./escape.js";
import { document, PAGE_CSP } from "./page.js";

const HINTS: Record<number, string> = {
  400: "Fix the parameter named above and ask again.",
  401: "Send your trackagoat key as Authorization: Bearer tga_… (save the page with curl -H … -o report.html to share it).",
  429: "The upstream request budget is spent: retry after the Retry-After seconds.",
  502: "trackagoat failed or could not be reached: retry later.",
  504: "trackagoat did not answer in time: retry later.",
};

export function errorPageHtml(status: number, code: string, message: string): string {
  return document(
    `Error ${status} · ${code}`,
    html`<header class="page"><p class="kind">goatkit-proxy · error ${status}</p><h1>The report could not be made</h1></header>
<p data-error-code="${code}">Code: <span class="code">${code}</span></p>
<p class="message">${message}</p>
${HINTS[status] ? html`<p class="note">${HINTS[status]}</p>` : null}`,
    "error-page",
  );
}

/**
 * The same answer as `envelope` (a JSON error envelope), as an HTML page: status and headers kept
 * (Retry-After, WWW-Authenticate), the body and its type replaced.
 */
export async function htmlErrorFrom(envelope: Response): Promise<Response> {
  const text = await envelope.text();
  let code = "error";
  let message = text;
  try {
    const body = JSON.parse(text) as { error?: unknown; meta?: { code?: unknown } };
    if (typeof body.meta?.code === "string") code = body.meta.code;
    if (typeof body.error === "string") message = body.error;
  } catch {
    // Not an envelope: shown as it is, escaped.
  }
  const headers = new Headers(envelope.headers);
  headers.set("content-type", "text/html; charset=utf-8");
  headers.set("content-security-policy", PAGE_CSP);
  headers.set("x-goatkit-error-code", code);
  return new Response(errorPageHtml(envelope.status, code, message), { status: envelope.status, headers });
}
