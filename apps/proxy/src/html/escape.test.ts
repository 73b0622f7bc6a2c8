/** Every interpolated value is escaped once; only markup built by `html` or `trusted` passes through. */
import { describe, expect, it } from "vitest";
import { escapeHtml, Html, html, trusted } from "./escape.js";

describe("html", () => {
  it("escapes text in content and attributes", () => {
    const name = `<script>alert("x")</script> & 'co'`;
    expect(html`<td title="${name}">${name}</td>`.value).toBe(
      '<td title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;">' +
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</td>",
    );
  });

  it("nests markup without escaping it twice, and flattens lists", () => {
    const cells = ["a<b", "c&d"].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${cells}</ul>`.value).toBe("<ul><li>a&lt;b</li><li>c&amp;d</li></ul>");
  });

  it("writes numbers as text and nothing for null, undefined and false", () => {
    expect(html`${1234}|${null}|${undefined}|${false}|${0}`.value).toBe("1234||||0");
  });

  it("passes trusted constants through, and only those", () => {
    expect(html`<style>${trusted("a>b{}")}</style>`.value).toBe("<style>a>b{}</style>");
    expect(html`${"a>b"}`.value).toBe("a&gt;b");
    expect(trusted("x")).toBeInstanceOf(Html);
    expect(escapeHtml(`"'<>&`)).toBe("&quot;&#39;&lt;&gt;&amp;");
  });
});
