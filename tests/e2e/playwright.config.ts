/**
 * Browser tests: Playwright run by Node, driving Debian's Chromium (never a downloaded browser),
 * against `weave dev` serving the invoicing example (tests/e2e/server.ts).
 */
import { defineConfig } from "@playwright/test";

const port = Number(process.env.WEAVE_E2E_PORT ?? 47831);
const baseURL = `http://127.0.0.1:${port}`;
/** examples/embed, served by Python's web server: a page from a server that is not JavaScript. */
export const EMBED_PORT = Number(process.env.WEAVE_E2E_EMBED_PORT ?? 47832);

export default defineConfig({
  testDir: ".",
  testMatch: /.*\.e2e\.ts$/,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: [
    {
      command: `node_modules/.bin/bun tests/e2e/server.ts`,
      cwd: "../..",
      url: `${baseURL}/ready`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: { WEAVE_E2E_PORT: String(port), WEAVE_TRUSTED_ORIGINS: `http://127.0.0.1:${EMBED_PORT}` },
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: `python3 -m http.server ${EMBED_PORT} --bind 127.0.0.1 --directory examples/embed`,
      cwd: "../..",
      url: `http://127.0.0.1:${EMBED_PORT}/index.html`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "ignore",
    },
  ],
});
