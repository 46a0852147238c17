/**
 * The server the browser tests drive: `weave dev` on a fresh copy of the invoicing example, on
 * the embedded database (seeded from its seed/demo.yaml), on loopback. Playwright starts it
 * (webServer in playwright.config.ts) and stops it with SIGTERM; the copy is removed on exit.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dir, "../..");
const port = process.env.WEAVE_E2E_PORT ?? "47831";
const dir = mkdtempSync(join(tmpdir(), "weave-e2e-"));
cpSync(join(root, "examples/invoicing"), dir, { recursive: true, filter: (src) => !/[\\/](\.weave|node_modules)([\\/]|$)/.test(src) });

// PGlite: the browser tests exercise the UI; the API's behaviour on Postgres has its own suites.
// Every test signs in: the default of 10 attempts per account in 15 minutes would refuse them.
const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: "development", WEAVE_AUTH_RATE_LIMIT: "10000/900" };
delete env.DATABASE_URL;
const child = Bun.spawn([process.execPath, join(root, "cli/bin/weave.ts"), "dev", dir, "--port", port, "--host", "127.0.0.1"], { env, stdout: "inherit", stderr: "inherit" });

const stop = () => child.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
const code = await child.exited;
rmSync(dir, { recursive: true, force: true });
process.exit(code);
