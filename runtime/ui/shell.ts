/**
 * The HTML page behind every `/app/...` route: it loads the bundle and the theme and puts one
 * `<weave-app>` on the page; the app's router takes the path from there.
 */
import type { IR } from "../../compiler/ir/index.ts";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page's HTML.
 *
 * @example new Response(shellHtml(ir), { headers: { "content-type": "text/html; charset=utf-8" } })
 */
export function shellHtml(ir: IR, options: { readonly base: string; readonly dev: boolean }): string {
  const theme = (ir.theme ?? {}) as { dark?: string };
  const scheme = theme.dark === "light" || theme.dark === "dark" ? ` data-weave-scheme-default="${theme.dark}"` : "";
  return `<!doctype html>
<html lang="${escape(ir.app.locales.default)}"${scheme}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escape(ir.app.title)}</title>
<link rel="stylesheet" href="/weave/theme.css">
<style>html,body{margin:0;min-height:100%;background:var(--weave-color-background);color:var(--weave-color-text)}</style>
<script type="module" src="/weave/weave.js"></script>
</head>
<body>
<weave-app base="${escape(options.base)}"${options.dev ? " dev" : ""}></weave-app>
<noscript>${escape(ir.app.title)} needs JavaScript.</noscript>
</body>
</html>
`;
}
