import { describe, expect, test } from "bun:test";
import { Elysia } from "elysia";
import { resolve } from "node:path";
import { compileApp } from "../../../compiler/index.ts";
import { registerUiRoutes } from "../../../runtime/ui/routes.ts";

const { ir } = await compileApp(resolve(import.meta.dir, "../../../examples/invoicing"));
const app = new Elysia();
registerUiRoutes(app, ir!, {});
const get = (path: string, headers: Record<string, string> = {}) => app.handle(new Request(`http://localhost${path}`, { headers }));

describe("UI routes", () => {
  test("/weave/weave.js is the components bundle: one ES module that defines the elements", async () => {
    const response = await get("/weave/weave.js");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    const code = await response.text();
    expect(code).toContain("weave-app");
    expect(code).toContain("weave-login");
    expect(code).not.toMatch(/^import\s/m); // self-contained: nothing left to fetch
  });

  test("the chart renderer and the optional widgets are modules of their own beside the bundle", async () => {
    const main = await (await get("/weave/weave.js")).text();
    const charts = await (await get("/weave/charts.js")).text();
    const extras = await (await get("/weave/extras.js")).text();
    expect(charts).toContain("Chart");
    expect(main).not.toContain("chartjs");
    expect(extras).toContain("weave-input-richtext");
    expect(main).not.toContain("DOMPurify");
  });

  test("the bundle revalidates by ETag", async () => {
    const first = await get("/weave/weave.js");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^".+"$/);
    const again = await get("/weave/weave.js", { "if-none-match": etag });
    expect(again.status).toBe(304);
  });

  test("/weave/theme.css holds the app's theme tokens", async () => {
    const css = await (await get("/weave/theme.css")).text();
    expect(css).toContain("--weave-color-primary: #3b5bdb");
    expect(css).toContain("--weave-space: 0.375rem"); // density: compact
  });

  test("every /app path is the app page, which loads the bundle and the theme", async () => {
    for (const path of ["/app", "/app/", "/app/invoices/123/edit"]) {
      const response = await get(path);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      const page = await response.text();
      expect(page).toContain(`<script type="module" src="/weave/weave.js"></script>`);
      expect(page).toContain(`<link rel="stylesheet" href="/weave/theme.css">`);
      expect(page).toContain(`<weave-app base="/app">`);
      expect(page).toContain("<title>Invoicing</title>");
    }
  });

  test("/ and the magic-link mail's address lead into the app", async () => {
    expect((await get("/")).headers.get("location")).toBe("/app/");
    const link = await get("/auth/magic-link?token=abc");
    expect(link.status).toBe(302);
    expect(link.headers.get("location")).toBe("/app/magic-link?token=abc");
  });

  test("a server without UI serves none of it", async () => {
    const bare = new Elysia();
    registerUiRoutes(bare, ir!, { enabled: false });
    expect((await bare.handle(new Request("http://localhost/weave/weave.js"))).status).toBe(404);
  });
});
