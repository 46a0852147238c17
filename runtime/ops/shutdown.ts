/**
 * Graceful shutdown: stop accepting connections, let the requests in flight finish (bounded by a
 * timeout), then close what the server holds (the database pool last), so a deploy or a Ctrl-C
 * never cuts a write in half.
 */

/** How long in-flight requests get to finish by default. */
export const SHUTDOWN_TIMEOUT_MS = 10_000;

/** The part of Bun's `Server` that shutting down needs. */
export interface StoppableServer {
  stop(closeActiveConnections?: boolean): Promise<void> | void;
  readonly pendingRequests: number;
}

export interface DrainOptions {
  readonly server: StoppableServer;
  /** Closes what the app holds once no request runs any more: the weave server, then the database. */
  readonly close: () => Promise<void>;
  /** Longest wait for in-flight requests before their connections are cut. Default 10 s. */
  readonly timeoutMs?: number;
  /** Called first, e.g. to make /ready answer 503 and end event streams that would never finish. */
  readonly onDrain?: () => void;
}

export interface DrainResult {
  /** False when the timeout cut requests that were still running. */
  readonly drained: boolean;
  /** Requests in flight when the shutdown began. */
  readonly inFlight: number;
  readonly ms: number;
}

/**
 * Stops `server` without cutting connections, waits for its in-flight requests (at most
 * `timeoutMs`, then cuts them), then runs `close`.
 *
 * @example
 *   const result = await drainAndClose({ server, close: async () => { await weave.close(); await database.close(); } });
 *   if (!result.drained) console.error("cut requests still running after 10 s");
 */
export async function drainAndClose(options: DrainOptions): Promise<DrainResult> {
  const started = performance.now();
  const inFlight = options.server.pendingRequests;
  options.onDrain?.();
  // Without force, Bun closes the listener at once and resolves once every request has answered.
  const stopped = Promise.resolve(options.server.stop(false)).then(() => true);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), options.timeoutMs ?? SHUTDOWN_TIMEOUT_MS);
  });
  const drained = await Promise.race([stopped, timedOut]);
  clearTimeout(timer);
  if (!drained) await options.server.stop(true);
  await options.close();
  return { drained, inFlight, ms: performance.now() - started };
}

/** The signals that ask a server to shut down: a process manager's SIGTERM and a terminal's Ctrl-C. */
export const TERMINATION_SIGNALS = ["SIGTERM", "SIGINT"] as const;
export type TerminationSignal = (typeof TERMINATION_SIGNALS)[number];

/**
 * Calls `onFirst` on the first SIGTERM or SIGINT. A second signal while shutting down calls
 * `onRepeat` (default: exit at once with code 1, for a person pressing Ctrl-C again). Returns the
 * function that removes the listeners.
 *
 * @example
 *   const remove = onTerminationSignal((signal) => shutdown(signal));
 */
export function onTerminationSignal(onFirst: (signal: TerminationSignal) => void, onRepeat: (signal: TerminationSignal) => void = () => process.exit(1)): () => void {
  let seen = false;
  const listener = (signal: TerminationSignal) => {
    if (seen) return onRepeat(signal);
    seen = true;
    onFirst(signal);
  };
  for (const signal of TERMINATION_SIGNALS) process.on(signal, listener);
  return () => {
    for (const signal of TERMINATION_SIGNALS) process.off(signal, listener);
  };
}
