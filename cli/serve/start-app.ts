/**
 * The startup both `weave dev` and `weave serve` go through: take the port, open the database,
 * get it ready, then serve until asked to stop. They differ only in how the database is made
 * ready, the server options and the line that says what is served.
 */
import type { IR } from "../../compiler/ir/index.ts";
import type { ServerOptions } from "../../runtime/server/context.ts";
import type { Database } from "../../runtime/db/create-database.ts";
import type { DevChannel } from "../../runtime/ui/dev-channel.ts";
import type { WeaveServer } from "../../runtime/server/create-server.ts";
import { componentsBundle, type UiBundle } from "../../runtime/ui/routes.ts";
import { ExitCode } from "../command.ts";
import type { Io } from "../io.ts";
import { type OpenedDatabase, openDatabase } from "./database.ts";
import { type Lifecycle, type Listener, listen, serveUntilStopped } from "./start-server.ts";

export interface StartOptions {
  /** e.g. "weave dev": the prefix of every message. */
  readonly label: string;
  readonly ir: IR;
  readonly dir: string;
  /** `--url`, else the environment or the embedded database. */
  readonly url: string | undefined;
  readonly port: number;
  readonly hostname: string;
  readonly io: Io;
  /** Gets the database ready to serve; false after printing why it cannot be. */
  readonly prepare: (opened: OpenedDatabase) => Promise<boolean>;
  /** Server options besides the database, the app folder, draining and test hooks. */
  readonly server: Pick<ServerOptions, "log" | "devIdentity">;
  /** What is served, for the "serving ..." line. */
  readonly what: (opened: OpenedDatabase) => string;
  /** Told the server's URL once it serves (`weave studio` names the Studio's page). */
  readonly onServing?: (url: string) => void;
  /** Adds routes to every app served (the Studio's, under `weave dev`). */
  readonly extend?: (app: WeaveServer["app"]) => void;
  /** The components bundle; default: built from the components on first request. */
  readonly bundle?: () => Promise<UiBundle>;
  /** `weave dev`: the browsers' channel, and a hook to swap models while serving (hot reload). */
  readonly live?: {
    readonly channel: DevChannel;
    /** Called once serving; returns what stops the watching. */
    readonly start: (handle: LiveHandle) => () => void;
  };
}

/** What hot reload needs from the running server. */
export interface LiveHandle {
  readonly database: Database;
  /** Serves `ir` from now on, on the same port, database and event bus. */
  readonly swap: (ir: IR) => void;
}

/**
 * Starts serving; resolves with the exit code once the server has stopped (or could not start).
 *
 * @example
 *   return startServing({ label: "weave serve", ir, dir, url, port, hostname, io, prepare, server: { log }, what });
 */
export async function startServing(options: StartOptions): Promise<number> {
  const { label, io } = options;
  const listener = listen({ label, port: options.port, hostname: options.hostname, io });
  if (!listener) return ExitCode.problems;
  let opened: OpenedDatabase | string | undefined;
  try {
    opened = openDatabase(options.dir, options.url, io, options.ir);
    if (typeof opened === "string") io.stderr.write(`${label}: ${opened}\n`);
    else if (await options.prepare(opened)) return await serveOn(listener, opened, options);
  } catch (error) {
    await giveUp(listener, opened);
    throw error;
  }
  await giveUp(listener, opened);
  return ExitCode.problems;
}

async function serveOn(listener: Listener, opened: OpenedDatabase, options: StartOptions): Promise<number> {
  // Loaded here, so the other commands never load the API runtime.
  const { createServer, createEventBus } = await import("../../runtime/index.ts");
  const { database } = opened;
  const lifecycle: Lifecycle = { draining: false };
  // Kept across model swaps: event streams stay connected and the bundle is built once.
  const events = createEventBus();
  const bundle = options.bundle ?? componentsBundle();
  const make = (ir: IR) =>
    extended(
      options,
      createServer(ir, {
        database,
        appDir: options.dir,
        ...options.server,
        ...authFromEnv(options.io.env),
        events,
        ui: { bundle, ...(options.live ? { devChannel: options.live.channel } : {}) },
        draining: () => lifecycle.draining,
        testHooks: options.io.env.WEAVE_TEST_HOOKS === "1",
      }),
    );
  let weave = make(options.ir);
  const swap = (ir: IR) => {
    weave = make(ir);
    listener.server.reload({ fetch: weave.app.fetch });
  };
  const stopWatching = options.live?.start({ database, swap });
  try {
    // The database is closed by serveUntilStopped; every model's server shares it.
    const serving = serveUntilStopped(listener, { label: options.label, io: options.io, weave, database, lifecycle, what: options.what(opened) });
    options.onServing?.(listener.url); // after the "listening on" line, which serveUntilStopped prints at once
    return await serving;
  } finally {
    stopWatching?.();
  }
}

/**
 * Sign-in settings from the environment: `WEAVE_AUTH_RATE_LIMIT=<attempts>/<seconds>` (default
 * 10/900) for register, login and magic links, per address and per account.
 */
function authFromEnv(env: Readonly<Record<string, string | undefined>>): { auth?: { rateLimit: { limit: number; windowSeconds: number } } } {
  const match = /^(\d+)\/(\d+)$/.exec(env.WEAVE_AUTH_RATE_LIMIT?.trim() ?? "");
  if (!match) return {};
  return { auth: { rateLimit: { limit: Number(match[1]), windowSeconds: Number(match[2]) } } };
}

function extended(options: StartOptions, weave: WeaveServer): WeaveServer {
  options.extend?.(weave.app);
  return weave;
}

/** Startup failed: free the port and the database, so the process can exit. */
async function giveUp(listener: Listener, opened: OpenedDatabase | string | undefined): Promise<void> {
  if (opened !== undefined && typeof opened !== "string") await opened.database.close();
  await listener.abandon();
}
