/** serve().close({ graceMs }): requests in flight finish (with Connection: close), new ones are refused, the rest are cut at the bound. */
import { Agent, request as httpRequest, type IncomingMessage } from "node:http";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { serveApp } from "./test-helpers/http.js";

/** An app whose `/slow` answers only when the test says so, and tells the test when it has started. */
function gatedApp() {
  let arrived!: () => void;
  const started = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const app = new Hono();
  app.get("/fast", (c) => c.text("fast"));
  app.get("/slow", async (c) => {
    arrived();
    await gate;
    return c.text("slow done");
  });
  return { app, started, release };
}

function get(port: number, path: string, agent: Agent): Promise<IncomingMessage & { text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, agent }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => {
        text += d;
      });
      res.on("end", () => resolve(Object.assign(res, { text })));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("close({ graceMs }) drains", () => {
  it("a request in flight completes, answered Connection: close; close resolves after it; new connections are refused", async () => {
    const { app, started, release } = gatedApp();
    const s = await serveApp(app);
    const agent = new Agent({ keepAlive: true });
    try {
      // A keep-alive connection that is idle when the drain starts is closed at once.
      expect((await get(s.port, "/fast", agent)).text).toBe("fast");
      const slow = get(s.port, "/slow", agent);
      await started;
      expect(s.inFlight).toBe(1);
      let closed = false;
      const closing = s.close({ graceMs: 60_000 }).then(() => {
        closed = true;
      });
      await expect(fetch(`${s.origin}/fast`)).rejects.toThrow();
      expect(closed).toBe(false);
      release();
      const res = await slow;
      expect(res.statusCode).toBe(200);
      expect(res.text).toBe("slow done");
      expect(res.headers.connection).toBe("close");
      await closing;
      expect(s.inFlight).toBe(0);
    } finally {
      agent.destroy();
      release();
      await s.close();
    }
  });

  it("past the bound, what is still in flight is cut and close resolves", async () => {
    const { app, started, release } = gatedApp();
    const s = await serveApp(app);
    const agent = new Agent();
    try {
      const slow = get(s.port, "/slow", agent);
      await started;
      await s.close({ graceMs: 50 });
      await expect(slow).rejects.toThrow();
    } finally {
      release();
      agent.destroy();
    }
  });

  it("a later close() without grace cuts at once", async () => {
    const { app, started, release } = gatedApp();
    const s = await serveApp(app);
    const agent = new Agent();
    try {
      const slow = get(s.port, "/slow", agent);
      await started;
      const graceful = s.close({ graceMs: 60_000 });
      await s.close();
      await graceful;
      await expect(slow).rejects.toThrow();
    } finally {
      release();
      agent.destroy();
    }
  });
});
