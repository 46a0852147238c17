/**
 * A `weave dev` of a test file's own, on a fresh copy of the invoicing example and its own port,
 * for tests that edit the model (the shared server of playwright.config.ts must stay as seeded).
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot, startWeave, type WeaveProcess } from "../runtime/ops/weave-process.ts";
import { test } from "./fixtures.ts";

/** The app folder and the running server; set once the file's beforeAll has run. */
export interface OwnDevServer {
  readonly dir: string;
  readonly url: string;
  readonly served: WeaveProcess;
}

/**
 * Registers beforeAll/afterAll that start and stop the server; returns a getter for it.
 *
 * @example const own = ownDevServer("studio"); test("...", async ({ page }) => page.goto(`${own().url}/app/`));
 */
export function ownDevServer(name: string): () => OwnDevServer {
  let server: OwnDevServer | undefined;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const dir = mkdtempSync(join(tmpdir(), `weave-${name}-e2e-`));
    cpSync(join(repoRoot, "examples/invoicing"), dir, { recursive: true, filter: (src) => !/[\\/](\.weave|node_modules)([\\/]|$)/.test(src) });
    const started = await startWeave(["dev", dir, "--port", "0", "--host", "127.0.0.1"], { cwd: repoRoot, env: { NODE_ENV: "development" }, timeoutMs: 150_000 });
    if ("code" in started) throw new Error(started.stderr);
    server = { dir, url: started.url, served: started };
  });
  test.afterAll(async () => {
    await server?.served.stop();
    if (server) rmSync(server.dir, { recursive: true, force: true });
  });
  return () => {
    if (!server) throw new Error("the server starts in beforeAll");
    return server;
  };
}
