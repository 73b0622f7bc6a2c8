import { networkInterfaces } from "node:os";
import { describe, expect, it } from "vitest";
import { hostMatcher, isLoopbackHost, listenNames, parseHost } from "./hosts.js";

describe("parseHost", () => {
  it.each([
    ["localhost:4010", { hostname: "localhost", port: 4010 }],
    ["LOCALHOST.", { hostname: "localhost", port: undefined }],
    ["[::1]:80", { hostname: "[::1]", port: 80 }],
    ["127.0.0.1", { hostname: "127.0.0.1", port: undefined }],
    ["my_container:4010", { hostname: "my_container", port: 4010 }],
  ])("%j", (value, parsed) => expect(parseHost(value)).toEqual(parsed));

  it.each(["", "a b", "user@host", "host:", "host:0", "host:70000", "[zz]:1", "[::1", "host/path", "a, b"])(
    "%j → null",
    (value) => expect(parseHost(value)).toBeNull(),
  );
});

describe("isLoopbackHost", () => {
  it("knows loopback bind addresses", () => {
    for (const h of ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "::ffff:127.0.0.1"]) {
      expect(isLoopbackHost(h)).toBe(true);
    }
    for (const h of ["0.0.0.0", "::", "192.168.1.10", "example.com", "128.0.0.1"]) {
      expect(isLoopbackHost(h)).toBe(false);
    }
  });
});

describe("hostMatcher", () => {
  it("before listening (in process): loopback names on any port", () => {
    const accepts = hostMatcher();
    expect(accepts("localhost")).toBe(true);
    expect(accepts("127.0.0.1:1234")).toBe(true);
    expect(accepts("[::1]:9")).toBe(true);
    expect(accepts("evil.example")).toBe(false);
    expect(accepts("localhost.evil.example")).toBe(false);
  });

  it("once listening: the bound port only, plus the bound address", () => {
    const accepts = hostMatcher({ listening: () => ({ host: "10.1.2.3", port: 4010 }) });
    expect(accepts("localhost:4010")).toBe(true);
    expect(accepts("10.1.2.3:4010")).toBe(true);
    expect(accepts("localhost:4011")).toBe(false);
    expect(accepts("localhost")).toBe(false); // port 80
    expect(accepts("10.9.9.9:4010")).toBe(false);
  });

  it("configured names: any port without one, that port with one", () => {
    const accepts = hostMatcher({
      allowedHosts: ["sandbox", "api.test:8443"],
      listening: () => ({ host: "0.0.0.0", port: 4010 }),
    });
    expect(accepts("sandbox")).toBe(true);
    expect(accepts("SANDBOX:9999")).toBe(true);
    expect(accepts("api.test:8443")).toBe(true);
    expect(accepts("api.test:4010")).toBe(false);
    expect(() => hostMatcher({ allowedHosts: ["not a host"] })).toThrow(/allowedHosts/);
  });

  it("a wildcard bind answers to every local interface address", () => {
    const names = listenNames("0.0.0.0");
    for (const list of Object.values(networkInterfaces())) {
      for (const info of list ?? []) {
        expect(names.has(info.family === "IPv6" ? `[${info.address}]` : info.address)).toBe(true);
      }
    }
    expect(listenNames("::").has("127.0.0.1")).toBe(true);
  });
});
