/**
 * bench/serve: how soon `weave serve dist` answers its first request after the process starts,
 * on Postgres (goal: 300 ms or less), against the floor of a bare Bun.serve process started and
 * polled the same way in the same run.
 *
 *   DATABASE_URL=postgres://... bun bench/serve.ts [--runs 5]
 *
 * The invoicing example is built with `weave build` into a temporary folder and migrated once;
 * each run spawns the server and polls GET /ready until it answers 200. Figures only.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createBenchDatabase, median, requirePostgres } from "./shared.ts";

const { values } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
const runs = Number(values.runs);
const adminUrl = requirePostgres("bench/serve");
const root = resolve(import.meta.dir, "..");
const bin = join(root, "cli/bin/weave.ts");
const dir = mkdtempSync(join(tmpdir(), "weave-bench-serve-"));
cpSync(join(root, "examples/invoicing"), join(dir, "app"), { recursive: true, filter: (src) => !/[\\/](\.weave|node_modules|dist)([\\/]|$)/.test(src) });
const bench = await createBenchDatabase(adminUrl, "bench_serve");

const run = async (args: string[]) => {
  const child = Bun.spawn([process.execPath, bin, ...args], { cwd: dir, stdout: "ignore", stderr: "pipe", env: { ...process.env, NO_COLOR: "1" } });
  const code = await child.exited;
  if (code !== 0) throw new Error(`weave ${args.join(" ")} exited ${code}: ${await new Response(child.stderr).text()}`);
};

/** Spawns `argv`, polls `url` until 200, returns the milliseconds from spawn, and stops it. */
async function firstResponse(argv: string[], url: string): Promise<number> {
  const started = performance.now();
  const child = Bun.spawn(argv, { cwd: dir, stdout: "ignore", stderr: "ignore", env: { ...process.env, NO_COLOR: "1" } });
  try {
    for (;;) {
      const ok = await fetch(url).then((r) => r.status === 200, () => false);
      if (ok) return performance.now() - started;
      if (performance.now() - started > 30_000) throw new Error(`${argv.join(" ")} never answered ${url}`);
      await Bun.sleep(2);
    }
  } finally {
    child.kill("SIGTERM");
    await child.exited;
  }
}

try {
  await run(["build", "app", "--out", "dist"]);
  await run(["migrate", "apply", "dist", "--url", bench.url]);
  const floorScript = join(dir, "floor.ts");
  writeFileSync(floorScript, `Bun.serve({ port: Number(process.env.PORT), hostname: "127.0.0.1", fetch: () => new Response("ok") });\n`);
  const weave: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < runs; i++) {
    const port = String(47_000 + i * 2);
    process.env.PORT = port;
    floor.push(await firstResponse([process.execPath, floorScript], `http://127.0.0.1:${port}/`));
    weave.push(await firstResponse([process.execPath, bin, "serve", "dist", "--port", String(Number(port) + 1), "--host", "127.0.0.1", "--url", bench.url], `http://127.0.0.1:${Number(port) + 1}/ready`));
  }
  const w = median(weave);
  console.log(`weave serve dist: first response after ${Math.round(w)} ms (median of ${runs}; goal 300 ms: ${(w / 300).toFixed(2)}x of the budget)`);
  console.log(`bare Bun.serve floor: ${Math.round(median(floor))} ms; weave takes ${(w / median(floor)).toFixed(2)}x the floor`);
} finally {
  await bench.drop();
  rmSync(dir, { recursive: true, force: true });
}
