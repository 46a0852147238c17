/**
 * The startup both `weave dev` and `weave serve` go through: take the port, open the database,
 * get it ready, then serve until asked to stop. They differ only in how the database is made
 * ready, the server options and the line that says what is served.
 */
import type { IR } from "../../compiler/ir/index.ts";
import type { ServerOptions } from "../../runtime/server/context.ts";
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
  const { createServer } = await import("../../runtime/index.ts");
  const { database } = opened;
  const lifecycle: Lifecycle = { draining: false };
  const weave = createServer(options.ir, {
    database,
    appDir: options.dir,
    ...options.server,
    draining: () => lifecycle.draining,
    testHooks: options.io.env.WEAVE_TEST_HOOKS === "1",
  });
  return serveUntilStopped(listener, { label: options.label, io: options.io, weave, database, lifecycle, what: options.what(opened) });
}

/** Startup failed: free the port and the database, so the process can exit. */
async function giveUp(listener: Listener, opened: OpenedDatabase | string | undefined): Promise<void> {
  if (opened !== undefined && typeof opened !== "string") await opened.database.close();
  await listener.abandon();
}
