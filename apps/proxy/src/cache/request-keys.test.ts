/** `RequestKeys` gives exactly core's key and route family, computes each pair once, and stays bounded. */
import { ResponseCache, routeFamily } from "@goatkit/core";
import { describe, expect, it } from "vitest";
import { RequestKeys } from "./request-keys.js";

/** A ResponseCache that counts how often a key is computed. */
class CountingCache extends ResponseCache {
  computed = 0;
  override key(method: string, url: string, credential: string): string {
    this.computed++;
    return super.key(method, url, credential);
  }
}

const URLS = [
  "http://up/api/v1/creators?limit=5",
  "http://up/api/v1/creators?limit=100",
  "http://up/api/v1/creators/cr_1/stats?b=2&a=1",
  "http://up/api/v1/projects",
];

describe("RequestKeys", () => {
  it("answers what core computes, per URL and credential", () => {
    const cache = new ResponseCache();
    const keys = new RequestKeys(cache);
    for (const url of URLS)
      for (const credential of ["tga_a", "tga_b", ""]) {
        for (let i = 0; i < 2; i++)
          expect(keys.of(url, credential)).toEqual({
            key: cache.key("GET", url, credential),
            family: routeFamily(new URL(url).pathname),
          });
      }
    // Two credentials never share a key.
    expect(keys.of(URLS[0]!, "tga_a").key).not.toBe(keys.of(URLS[0]!, "tga_b").key);
  });

  it("computes each pair once while it is remembered", () => {
    const cache = new CountingCache();
    const keys = new RequestKeys(cache);
    for (let i = 0; i < 5; i++) for (const url of URLS) keys.of(url, "tga_a");
    expect(cache.computed).toBe(URLS.length);
  });

  it("remembers at most `max` pairs, oldest out first", () => {
    const cache = new CountingCache();
    const keys = new RequestKeys(cache, 2);
    keys.of(URLS[0]!, "k");
    keys.of(URLS[1]!, "k");
    keys.of(URLS[2]!, "k");
    expect(keys.size).toBe(2);
    keys.of(URLS[2]!, "k");
    keys.of(URLS[1]!, "k");
    expect(cache.computed).toBe(3);
    keys.of(URLS[0]!, "k"); // fell out: computed again
    expect(cache.computed).toBe(4);
    expect(new RequestKeys(cache, 0).of(URLS[0]!, "k").key).toBe(cache.key("GET", URLS[0]!, "k"));
  });
});
