import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The API docs page: Swagger UI, served from the installed swagger-ui-dist (no CDN), reading /api/openapi.json. */
export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>API docs</title>
  <link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
  <div id="docs"></div>
  <script src="/api/docs/swagger-ui-bundle.js"></script>
  <script src="/api/docs/init.js"></script>
</body>
</html>
`;

const INIT = `window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#docs", deepLinking: true });\n`;

let assets: Record<string, { body: string; type: string }> | undefined;

/** The docs page's static files, read once from swagger-ui-dist. */
export function docsAsset(name: string): { body: string; type: string } | undefined {
  if (!assets) {
    const root = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
    assets = {
      "swagger-ui.css": { body: readFileSync(join(root, "swagger-ui.css"), "utf8"), type: "text/css; charset=utf-8" },
      "swagger-ui-bundle.js": { body: readFileSync(join(root, "swagger-ui-bundle.js"), "utf8"), type: "text/javascript; charset=utf-8" },
      "init.js": { body: INIT, type: "text/javascript; charset=utf-8" },
    };
  }
  return assets[name];
}
