import { createServer } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { PortInUseError, type RunningSandbox, startSandbox } from "./server.js";
import { NOW } from "./test-helpers/sandbox.js";

const running: RunningSandbox[] = [];
afterAll(() => Promise.all(running.map((s) => s.stop())));

describe("startSandbox", () => {
  it("serves on a random loopback port; two instances are isolated; stop() is prompt", async () => {
    const a = await startSandbox({ now: NOW, rateLimit: false, scale: "tiny" });
    const b = await startSandbox({ now: NOW, rateLimit: false, scale: "tiny" });
    running.push(a, b);
    expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    expect(a.port).not.toBe(b.port);
    const auth = { authorization: `Bearer ${a.keys.readWrite}` };
    const project = (await (await fetch(`${a.url}/projects`, { headers: auth })).json()).data[0];
    const created = await fetch(`${a.url}/projects/${project.id}/creators`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ tiktok_handle: "isolated" }),
    });
    expect(created.status).toBe(201);
    const inB = await fetch(`${b.url}/creators?search=isolated`, { headers: auth });
    expect((await inB.json()).data).toEqual([]);
    expect(a.requests().total).toBe(2);
    expect(b.requests().total).toBe(1);
    // A keep-alive connection stays open; stop() must not wait for it.
    await fetch(`${b.url}/projects`, { headers: auth, keepalive: true });
    const t = performance.now();
    await b.stop();
    expect(performance.now() - t).toBeLessThan(1000);
    await expect(fetch(`${b.url}/projects`, { headers: auth })).rejects.toThrow();
  });

  it("a taken port is a PortInUseError with a clear message", async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(startSandbox({ now: NOW, scale: "tiny", port })).rejects.toThrow(PortInUseError);
      await expect(startSandbox({ now: NOW, scale: "tiny", port })).rejects.toThrow(/already in use/);
    } finally {
      blocker.close();
    }
  });

  it("rejects bad options before generating anything", async () => {
    await expect(startSandbox({ scale: "huge" as never })).rejects.toThrow(/scale/);
    await expect(startSandbox({ port: 70000 })).rejects.toThrow(/port/);
    await expect(startSandbox({ now: "yesterday" })).rejects.toThrow(/now/);
  });
});
