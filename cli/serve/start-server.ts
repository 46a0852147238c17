/**
 * Running a weave server on a port until the process is asked to stop: what `weave dev` and
 * `weave serve` share. The port is taken first, answering 503 while the database is prepared, so
 * a second start on the same port fails before it touches the database; the app is swapped in
 * with `server.reload` once it is ready.
 */
import type { Database } from "../../runtime/db/create-database.ts";
import { drainAndClose, onTerminationSignal, SHUTDOWN_TIMEOUT_MS } from "../../runtime/ops/shutdown.ts";
import { problemResponse, unavailable } from "../../runtime/server/errors.ts";
import type { WeaveServer } from "../../runtime/server/create-server.ts";
import { requestIdOf } from "../../runtime/ops/request-id.ts";
import { ExitCode } from "../command.ts";
import type { Io } from "../io.ts";
import { serverUrl } from "./port.ts";

/** Set while the server drains; the server's /ready reads it. */
export interface Lifecycle {
  draining: boolean;
}

/** A port being listened on, before and while the app is served. */
export interface Listener {
  readonly server: ReturnType<typeof Bun.serve>;
  readonly url: string;
  /** Resolves with the signal's name on the first SIGTERM or SIGINT (or `stopWhen`). */
  readonly stopped: Promise<string>;
  /** Gives the port up without serving (startup failed). */
  abandon(): Promise<void>;
  /** Stops listening for signals, once the server has stopped. */
  release(): void;
}

export interface ListenOptions {
  /** e.g. "weave dev": the prefix of every message. */
  readonly label: string;
  readonly port: number;
  readonly hostname: string;
  readonly io: Io;
  /**
   * Largest request body Bun accepts before the app sees it. Default 2 MiB: above the app's own
   * limit (1 MiB, answered as problem+json), so Bun only stops bodies that do not announce their length.
   */
  readonly maxRequestBodySize?: number;
  /** Resolves to stop as a signal would. Default: the first SIGTERM or SIGINT. */
  readonly stopWhen?: Promise<string>;
}

/**
 * Takes the port and starts listening for SIGTERM and SIGINT. Until `serve` swaps the app in,
 * every request gets a 503 problem+json. Returns undefined after printing why when the port
 * cannot be had.
 *
 * @example
 *   const listener = listen({ label: "weave dev", port: 3000, hostname: "localhost", io });
 *   if (!listener) return ExitCode.problems;
 */
export function listen(options: ListenOptions): Listener | undefined {
  let removeListeners = () => {};
  // Listening for signals before the port opens: a SIGTERM during startup still ends in a drain.
  const stopped =
    options.stopWhen ??
    new Promise<string>((resolve) => {
      removeListeners = onTerminationSignal(resolve);
    });
  let server: ReturnType<typeof Bun.serve>;
  try {
    server = Bun.serve({
      port: options.port,
      hostname: options.hostname,
      fetch: starting,
      maxRequestBodySize: options.maxRequestBodySize ?? 2 * 1024 * 1024,
      idleTimeout: 30,
      development: false,
      // Bun turns SO_REUSEPORT on with development: false; two servers would then share the port silently.
      reusePort: false,
    });
  } catch (error) {
    removeListeners();
    options.io.stderr.write(`${options.label}: cannot listen on ${options.hostname}:${options.port}: ${listenError(error)}\n`);
    return undefined;
  }
  const url = serverUrl(options.hostname, server.port!);
  return {
    server,
    url,
    stopped,
    async abandon() {
      removeListeners();
      await server.stop(true);
    },
    release: () => removeListeners(),
  };
}

export interface ServeOptions {
  readonly label: string;
  readonly io: Io;
  readonly weave: WeaveServer;
  readonly database: Database;
  readonly lifecycle: Lifecycle;
  /** What is being served, for the first line: "invoicing from examples/invoicing on PGlite in ...". */
  readonly what: string;
  readonly shutdownTimeoutMs?: number;
}

/**
 * Serves `weave` on the listener, prints the URL, waits for SIGTERM or SIGINT, then shuts down
 * gracefully: stops accepting connections, lets in-flight requests finish (at most
 * `shutdownTimeoutMs`), closes the server and the database. Returns exit code 0.
 *
 * @example
 *   return serveUntilStopped(listener, { label: "weave serve", io, weave, database, lifecycle, what: "invoicing" });
 */
export async function serveUntilStopped(listener: Listener, options: ServeOptions): Promise<number> {
  const { io, label } = options;
  const { server, url } = listener;
  server.reload({ fetch: options.weave.app.fetch });
  io.stderr.write(`${label}: serving ${options.what}\n${label}: listening on ${url} (app ${url}/app/, API ${url}/api, docs ${url}/api/docs)\n`);

  const received = await listener.stopped;
  const inFlight = server.pendingRequests;
  io.stderr.write(`${label}: ${received}: stopping; ${inFlight === 0 ? "no requests in flight" : `letting ${inFlight} ${inFlight === 1 ? "request" : "requests"} in flight finish`}\n`);
  const timeoutMs = options.shutdownTimeoutMs ?? SHUTDOWN_TIMEOUT_MS;
  const result = await drainAndClose({
    server,
    timeoutMs,
    onDrain: () => {
      options.lifecycle.draining = true;
    },
    close: async () => {
      await options.weave.close();
      await options.database.close();
    },
  });
  // Released only now, so a second Ctrl-C during the drain still exits at once.
  listener.release();
  const cut = result.drained ? "" : `; cut requests still running after ${Math.round(timeoutMs / 1000)} s`;
  io.stderr.write(`${label}: stopped in ${Math.round(result.ms)} ms${cut}\n`);
  return ExitCode.ok;
}

function starting(request: Request): Response {
  return problemResponse(unavailable("the server is starting"), requestIdOf(request), new URL(request.url).pathname, false);
}

function listenError(error: unknown): string {
  const code = (error as { code?: string })?.code;
  if (code === "EADDRINUSE") return "the port is in use; pick another with --port or PORT";
  if (code === "EACCES") return "permission denied; ports below 1024 need privileges, pick another with --port or PORT";
  return (error as Error)?.message ?? String(error);
}
