import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { apiEnvelope } from "./format-error.js";
import { allowedMethods, routeNotFound } from "./method-not-allowed.js";
import { serveApp } from "./test-helpers/http.js";

function app() {
  const api = new Hono();
  api.use("*", async (_c, next) => next()); // middleware allows nothing
  api.get("/items", (c) => c.text("list"));
  api.post("/items", (c) => c.text("created"));
  api.on(["PATCH", "DELETE"], "/items/:id{[0-9]+}", (c) => c.text("changed"));
  api.get("/files/*", (c) => c.text("file"));
  const root = new Hono();
  root.route("/api", api);
  root.notFound(routeNotFound({ app: root, formatError: apiEnvelope }));
  return root;
}

describe("allowedMethods", () => {
  it("derives the methods of a path from app.routes, patterns included", () => {
    const a = app();
    expect(allowedMethods(a, "/api/items")).toEqual(["GET", "HEAD", "POST"]);
    expect(allowedMethods(a, "/api/items/42")).toEqual(["PATCH", "DELETE"]);
    expect(allowedMethods(a, "/api/items/abc")).toEqual([]);
    expect(allowedMethods(a, "/api/files/a/b")).toEqual(["GET", "HEAD"]);
    expect(allowedMethods(a, "/nope")).toEqual([]);
  });

  it("sees routes added later", () => {
    const a = app();
    expect(allowedMethods(a, "/late")).toEqual([]);
    a.put("/late", (c) => c.text("late"));
    expect(allowedMethods(a, "/late")).toEqual(["PUT"]);
  });
});

describe("routeNotFound", () => {
  it("405 with Allow and the error body for a wrong method on an existing path (real HTTP)", async () => {
    const server = await serveApp(app());
    try {
      const res = await fetch(`${server.origin}/api/items/7`, { method: "PUT" });
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("PATCH, DELETE");
      expect(await res.json()).toEqual({
        data: null,
        error: 'Method PUT is not allowed on "/api/items/7"; allowed: PATCH, DELETE',
        meta: { code: "method_not_allowed" },
      });
      const head = await fetch(`${server.origin}/api/items`, { method: "HEAD" });
      expect(head.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it("404 not_found for an unknown path, quoting a long path short", async () => {
    const res = await app().request(`/${"p".repeat(3000)}`, { method: "GET" });
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.meta.code).toBe("not_found");
    expect(body.error).toMatch(/^No route for GET "\/p{39}…" \(3001 characters\)$/);
  });
});
