/**
 * `weave dev` hot reload, end to end in a child process: an edited field is served without a
 * restart and the browsers hear `reload`; a broken edit keeps the last good model serving and
 * sends the diagnostics; a destructive edit is refused until allowed; fixing it reloads again.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { forEachDatabase } from "../../helpers/db.ts";
import { startWeave, type WeaveProcess } from "../../runtime/ops/weave-process.ts";
import { cleanApp, tempApps, weave } from "../temp-app.ts";

/** Reads server-sent events from `url` into a list the test can wait on. */
function listen(url: string) {
  const events: { type: string; data: Record<string, unknown> }[] = [];
  const controller = new AbortController();
  void fetch(url, { signal: controller.signal }).then(async (response) => {
    const decoder = new TextDecoder();
    let buffer = "";
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const type = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (type && data) events.push({ type, data: JSON.parse(data) });
      }
    }
  }).catch(() => undefined);
  return { events, stop: () => controller.abort() };
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    await Bun.sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

forEachDatabase("weave dev hot reload", (target) => {
  let apps: ReturnType<typeof tempApps>;
  let served: WeaveProcess;
  const file = () => join(apps.dir, "app/domain/customer.entity.yaml");
  const edit = (change: (text: string) => string) => writeFileSync(file(), change(readFileSync(file(), "utf8")));
  const customerProperties = async () => Object.keys((await (await fetch(`${served.url}/api/openapi.json`)).json()).components.schemas.Customer.properties);

  beforeAll(async () => {
    apps = tempApps({ app: cleanApp });
    const url = target.kind === "postgres" ? ["--url", target.url!] : [];
    if (target.kind === "postgres") expect((await weave(apps.dir, ["migrate", "reset", "app", "--drop-only", ...url])).code).toBe(0);
    const started = await startWeave(["dev", "app", "--port", "0", "--host", "127.0.0.1", ...url], { cwd: apps.dir });
    if ("code" in started) throw new Error(started.stderr);
    served = started;
  }, 60_000);
  afterAll(async () => {
    expect(await served.stop()).toBe(0);
    apps.remove();
  }, 30_000);

  test("an added field is served without a restart, and browsers are told to reload", async () => {
    expect(served.stderr()).toContain("weave dev: watching app for changes");
    const browser = listen(`${served.url}/weave/dev/events`);
    try {
      expect(await customerProperties()).not.toContain("phone");
      edit((text) => text.replace("fields:\n", "fields:\n  phone: { type: string }\n"));
      await until("the new field", async () => (await customerProperties()).includes("phone"));
      const reload = await until("a reload event", () => browser.events.find((e) => e.type === "reload"));
      expect(reload.data.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(served.stderr()).toMatch(/weave dev: reloaded in \d+ ms/);
    } finally {
      browser.stop();
    }
  }, 30_000);

  test("a broken edit keeps the last good model serving and sends its diagnostics", async () => {
    const browser = listen(`${served.url}/weave/dev/events`);
    try {
      edit((text) => text.replace("fields:\n", "fields:\n  owner: { type: ref, to: Usr }\n"));
      const sent = await until("diagnostics", () => browser.events.find((e) => e.type === "diagnostics"));
      const [first] = sent.data.diagnostics as { code: string; file: string; line: number }[];
      expect(first).toMatchObject({ code: "WV301", file: "domain/customer.entity.yaml", line: expect.any(Number) });
      expect(served.stderr()).toContain("the spec has errors; still serving the last good model");
      expect(await customerProperties()).toContain("phone");
      expect((await fetch(`${served.url}/api/customers`)).status).toBe(200);
      // A browser that connects now still sees the standing diagnostics.
      const late = listen(`${served.url}/weave/dev/events`);
      await until("the standing diagnostics", () => late.events.find((e) => e.type === "diagnostics"));
      late.stop();
      edit((text) => text.replace("  owner: { type: ref, to: Usr }\n", ""));
      await until("a reload after the fix", () => browser.events.find((e) => e.type === "reload"));
    } finally {
      browser.stop();
    }
  }, 30_000);

  test("a destructive edit is shown and refused; the old model keeps serving", async () => {
    edit((text) => text.replace("  phone: { type: string }\n", ""));
    await until("the refusal", () => served.stderr().includes("still serving the last good model (restart with --allow-destructive"));
    expect(await customerProperties()).toContain("phone");
  }, 30_000);
});
