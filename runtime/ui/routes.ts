/**
 * The UI's routes: the components bundle (`/weave/weave.js`), the theme (`/weave/theme.css`),
 * and the app page for `/app` and everything under it. `/` leads to the app.
 */
import type { Elysia } from "elysia";
import type { IR } from "../../compiler/ir/index.ts";
import type { DevChannel } from "./dev-channel.ts";
import { shellHtml } from "./shell.ts";
import { themeCss } from "./theme-css.ts";

export interface UiOptions {
  /** The bundle's JavaScript files; built once on first request by default, or read from `dist/`. */
  readonly bundle?: () => Promise<UiBundle>;
  /** Set by `weave dev`: the page listens at `/weave/dev/events` for reloads and diagnostics. */
  readonly devChannel?: DevChannel;
  /** false: serve the API only. */
  readonly enabled?: boolean;
}

const BASE = "/app";

/** `weave.js`, `charts.js` and `extras.js` (components/build.ts). */
export interface UiBundle {
  readonly code: string;
  readonly charts: string;
  readonly extras: string;
}

/**
 * Registers the UI routes.
 *
 * @example registerUiRoutes(app, ir, { devChannel: createDevChannel() });
 */
export function registerUiRoutes(app: Elysia<any, any, any, any, any, any, any>, ir: IR, options: UiOptions = {}): void {
  if (options.enabled === false) return;
  const bundle = cached(options.bundle ?? componentsBundle());
  const css = themeCss(ir);
  const page = shellHtml(ir, { base: BASE, dev: options.devChannel !== undefined });
  const channel = options.devChannel;
  if (channel) app.get("/weave/dev/events", ({ request }) => channel.stream(request));
  app
    .get("/weave/weave.js", async ({ request }) => asset(request, (await bundle()).code, "text/javascript; charset=utf-8"))
    .get("/weave/charts.js", async ({ request }) => asset(request, (await bundle()).charts, "text/javascript; charset=utf-8"))
    .get("/weave/extras.js", async ({ request }) => asset(request, (await bundle()).extras, "text/javascript; charset=utf-8"))
    .get("/weave/theme.css", ({ request }) => asset(request, css, "text/css; charset=utf-8"))
    .get("/", () => new Response(null, { status: 302, headers: { location: `${BASE}/` } }))
    // The link in magic-link mails (runtime/auth): the app's page redeems it.
    .get("/auth/magic-link", ({ request }) => new Response(null, { status: 302, headers: { location: `${BASE}/magic-link${new URL(request.url).search}` } }))
    .get(BASE, () => html(page))
    .get(`${BASE}/*`, () => html(page));
}

function html(page: string): Response {
  return new Response(page, { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache", "x-content-type-options": "nosniff" } });
}

/** Serves text with an ETag, so browsers revalidate cheaply and never run a stale bundle. */
function asset(request: Request, body: string, type: string): Response {
  const etag = `"${Bun.hash(body).toString(36)}"`;
  const headers = { "content-type": type, etag, "cache-control": "no-cache", "access-control-allow-origin": "*", "x-content-type-options": "nosniff" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { headers });
}

function cached<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= load().catch((error: unknown) => {
      value = undefined; // a failed build is retried on the next request
      throw error;
    });
    return value;
  };
}

/**
 * The components bundle, built from the sources on first call and kept; a failed build is tried
 * again on the next call. `weave dev` shares one between the models it swaps in.
 *
 * @example registerUiRoutes(app, ir, { bundle: componentsBundle() });
 */
export function componentsBundle(): () => Promise<UiBundle> {
  // Loaded lazily: only a server that serves the UI needs the bundler.
  return cached(async () => (await import("../../components/build.ts")).buildBundle({ minify: true }));
}
