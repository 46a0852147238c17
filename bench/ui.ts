/**
 * bench/ui: the components in a real browser (Debian's Chromium through Playwright).
 * - Rendering 10,000 invoices in `<weave-list>` against a plain lit-html table of the same rows
 *   and columns, in the same page (goal: 1.3x or better).
 * - The bundle's size, minified and brotli-compressed (goal: 60 KB or less, without the optional
 *   modules loaded on demand: charts.js and extras.js).
 *
 *   bun bench/ui.ts [--rows 10000] [--runs 5]
 *
 * The list runs against `weave dev` serving the invoicing example (for `_meta` and the session);
 * its rows are handed over with `.records`, so the figure is rendering, not the network.
 *
 * Both sides put all 10,000 rows in the DOM. The list's rows skip style, layout and paint while
 * off screen (`content-visibility: auto` on CSS-grid rows, see components/views/list-styles.ts);
 * the plain table lays out every row. That difference is the point of the figure: with an
 * auto-layout table the list measured 1.8x-2.0x, with grid rows and one template per row
 * 0.4x-0.75x (medians of 5 runs each, on a busy 2-core machine).
 */
import { chromium } from "@playwright/test";
import { brotliCompressSync } from "node:zlib";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildBundle } from "../components/build.ts";
import { median } from "./shared.ts";
import { startWeave } from "../tests/runtime/ops/weave-process.ts";

const { values } = parseArgs({ options: { rows: { type: "string", default: "10000" }, runs: { type: "string", default: "5" } } });
const rowCount = Number(values.rows);
const runs = Number(values.runs);
const root = resolve(import.meta.dir, "..");

const { code, charts, extras } = await buildBundle({ minify: true });
const brotli = brotliCompressSync(code).length;
const kb = (text: string) => `${(brotliCompressSync(text).length / 1024).toFixed(1)} KB`;
console.log(`bundle: ${(code.length / 1024).toFixed(1)} KB minified, ${(brotli / 1024).toFixed(1)} KB brotli (goal 60 KB: ${(brotli / 1024 / 60).toFixed(2)}x of the budget)`);
console.log(`loaded on demand: charts.js ${kb(charts)}, extras.js (rich text) ${kb(extras)} brotli`);

const baseline = await Bun.build({ entrypoints: [join(import.meta.dir, "ui-baseline.ts")], target: "browser", format: "esm", minify: true });
const baselineCode = await baseline.outputs[0]!.text();

const dir = mkdtempSync(join(tmpdir(), "weave-bench-ui-"));
cpSync(join(root, "examples/invoicing"), join(dir, "app"), { recursive: true, filter: (src) => !/[\\/](\.weave|node_modules)([\\/]|$)/.test(src) });
const server = await startWeave(["dev", "app", "--port", "0", "--host", "127.0.0.1", "--no-watch"], { cwd: dir, timeoutMs: 120_000 });
if ("code" in server) throw new Error(server.stderr);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage();
  await page.request.post(`${server.url}/api/auth/login`, { data: { email: "billing@acme.test", password: "demo-billing-1" } });
  await page.route(`${server.url}/__bench`, (route) => route.fulfill({ contentType: "text/html", body: `<!doctype html><meta charset="utf-8"><script type="module" src="/weave/weave.js"></script><script type="module">${baselineCode}</script><div id="host"></div>` }));
  await page.goto(`${server.url}/__bench`);
  await page.waitForFunction(() => customElements.get("weave-list") && (globalThis as { weaveBaseline?: unknown }).weaveBaseline);
  const columns = ["number", "customer", "issued", "due", "total", "status"];
  const times = await page.evaluate(
    async ({ rowCount, runs, columns }) => {
      const rows = Array.from({ length: rowCount }, (_, i) => ({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
        number: `INV-2026-${String(i).padStart(5, "0")}`,
        customer: "11111111-1111-4111-8111-111111111111",
        status: ["draft", "sent", "paid", "void"][i % 4],
        issued: "2026-09-01",
        due: "2026-10-01",
        total: `${(i * 13.37).toFixed(2)}`,
        version: 1,
        _can: { update: true, delete: false, transitions: {}, actions: {}, fields: [] },
      }));
      const host = document.getElementById("host")!;
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const weaveRun = async () => {
        host.replaceChildren();
        const list = document.createElement("weave-list") as HTMLElement & { records: unknown; updateComplete: Promise<unknown> };
        list.setAttribute("entity", "invoice");
        list.setAttribute("columns", columns.join(","));
        host.append(list);
        await (async () => {
          for (let i = 0; i < 200 && !list.shadowRoot?.querySelector("[role=grid], table"); i++) await frame();
        })();
        const started = performance.now();
        list.records = rows;
        await list.updateComplete;
        await frame();
        const ms = performance.now() - started;
        const rendered = list.shadowRoot!.querySelectorAll("[role=row], tr").length;
        return { ms, rendered };
      };
      const baselineRun = async () => {
        // A fresh container each run: lit keeps its parts in the one it rendered into.
        const container = document.createElement("div");
        host.replaceChildren(container);
        const started = performance.now();
        (globalThis as unknown as { weaveBaseline: (h: HTMLElement, r: unknown[], c: string[]) => void }).weaveBaseline(container, rows, columns);
        await frame();
        return { ms: performance.now() - started, rendered: container.querySelectorAll("tr").length };
      };
      const out = { weave: [] as number[], baseline: [] as number[], rendered: [0, 0] };
      for (let i = 0; i < runs; i++) {
        const b = await baselineRun();
        const w = await weaveRun();
        out.baseline.push(b.ms);
        out.weave.push(w.ms);
        out.rendered = [w.rendered, b.rendered];
      }
      return out;
    },
    { rowCount, runs, columns },
  );
  const weave = median(times.weave);
  const plain = median(times.baseline);
  console.log(`render ${rowCount} rows (${times.rendered[0]} grid rows vs ${times.rendered[1]} table rows): weave-list ${weave.toFixed(0)} ms, plain lit-html ${plain.toFixed(0)} ms: ${(weave / plain).toFixed(2)}x (goal 1.3x or better)`);
} finally {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
