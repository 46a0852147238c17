/**
 * drainAndClose on a real Bun server: in-flight requests finish before anything closes, new
 * connections are refused, and a request that outlives the timeout is cut.
 */
import { expect, test } from "bun:test";
import { drainAndClose } from "../../../runtime/ops/shutdown.ts";

function slowServer() {
  const events: string[] = [];
  const server = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    async fetch(request) {
      const ms = Number(new URL(request.url).searchParams.get("ms") ?? 0);
      await Bun.sleep(ms);
      events.push(`answered ${ms}`);
      return new Response(`slept ${ms}`);
    },
  });
  return { server, events, url: (ms: number) => `http://127.0.0.1:${server.port}/?ms=${ms}` };
}

test("in-flight requests finish, new connections are refused, then close runs", async () => {
  const { server, events, url } = slowServer();
  const slow = fetch(url(300)).then(async (r) => ({ status: r.status, text: await r.text() }));
  await Bun.sleep(50);
  let drained = false;
  const shutdown = drainAndClose({
    server,
    onDrain: () => events.push("drain"),
    close: async () => {
      events.push("close");
    },
  }).then((result) => {
    drained = true;
    return result;
  });
  await Bun.sleep(20);
  const refused = await fetch(url(0)).then(
    () => "answered",
    (error: { code?: string }) => error.code,
  );
  expect(refused).toBe("ECONNREFUSED");
  expect(drained).toBe(false);
  expect(await slow).toEqual({ status: 200, text: "slept 300" });
  const result = await shutdown;
  expect(result).toMatchObject({ drained: true, inFlight: 1 });
  expect(events).toEqual(["drain", "answered 300", "close"]);
});

test("a request still running at the timeout is cut, and close still runs", async () => {
  const { server, url } = slowServer();
  const slow = fetch(url(5000)).then(
    (r) => r.status,
    () => "cut",
  );
  await Bun.sleep(50);
  let closed = false;
  const started = performance.now();
  const result = await drainAndClose({
    server,
    timeoutMs: 200,
    close: async () => {
      closed = true;
    },
  });
  expect(result.drained).toBe(false);
  expect(performance.now() - started).toBeLessThan(2000);
  expect(closed).toBe(true);
  expect(await slow).toBe("cut");
});

test("with nothing in flight it closes at once", async () => {
  const { server } = slowServer();
  const result = await drainAndClose({ server, close: async () => {} });
  expect(result).toMatchObject({ drained: true, inFlight: 0 });
  expect(result.ms).toBeLessThan(500);
});
