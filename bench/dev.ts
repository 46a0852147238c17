/**
 * bench/dev: how long an edited field takes to be served by `weave dev` (goal: p95 of 300 ms or
 * less), against the baseline of restarting the server to pick the edit up, measured in the same
 * run on a copy of the invoicing example (embedded PGlite, or DATABASE_URL with --postgres).
 *
 *   bun bench/dev.ts [--edits 20]
 *
 * Each edit adds a new field to Customer; the time runs from the file write until the OpenAPI
 * document served on the port has the field. Figures only: nothing here asserts a timing.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { median } from "./shared.ts";
import { startWeave, type WeaveProcess } from "../tests/runtime/ops/weave-process.ts";

const { values } = parseArgs({ options: { edits: { type: "string", default: "20" } } });
const edits = Number(values.edits);
const root = resolve(import.meta.dir, "..");
const dir = mkdtempSync(join(tmpdir(), "weave-bench-dev-"));
cpSync(join(root, "examples/invoicing"), join(dir, "app"), { recursive: true, filter: (src) => !/[\\/](\.weave|node_modules)([\\/]|$)/.test(src) });
const file = join(dir, "app/domain/customer.entity.yaml");

async function start(): Promise<WeaveProcess> {
  const started = await startWeave(["dev", "app", "--port", "0", "--host", "127.0.0.1"], { cwd: dir, timeoutMs: 120_000 });
  if ("code" in started) throw new Error(started.stderr);
  return started;
}

const hasField = async (url: string, name: string) => JSON.stringify((await (await fetch(`${url}/api/openapi.json`)).json()).components.schemas.Customer.properties).includes(`"${name}"`);

async function until(probe: () => Promise<boolean>): Promise<void> {
  for (;;) {
    if (await probe().catch(() => false)) return;
    await Bun.sleep(2);
  }
}

const addField = (name: string) => writeFileSync(file, readFileSync(file, "utf8").replace("fields:\n", `fields:\n  ${name}: { type: string }\n`));
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;

try {
  let server = await start();
  const reloads: number[] = [];
  for (let i = 0; i < edits; i++) {
    const name = `benchField${i}`;
    const started = performance.now();
    addField(name);
    await until(() => hasField(server.url, name));
    reloads.push(performance.now() - started);
  }
  // Baseline: pick an edit up by restarting the server, as without hot reload.
  const restarts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const name = `restartField${i}`;
    const started = performance.now();
    await server.stop();
    addField(name);
    server = await start();
    await until(() => hasField(server.url, name));
    restarts.push(performance.now() - started);
  }
  await server.stop();
  const p95 = percentile(reloads, 95);
  console.log(`hot reload: ${edits} edits, p50 ${Math.round(median(reloads))} ms, p95 ${Math.round(p95)} ms (goal 300 ms: ${(p95 / 300).toFixed(2)}x of the budget)`);
  console.log(`restart baseline: median ${Math.round(median(restarts))} ms; hot reload p95 is ${(p95 / median(restarts)).toFixed(3)}x of a restart`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
