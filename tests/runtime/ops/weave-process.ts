/**
 * `weave dev` and `weave serve` in a child process, for the tests that need a real process: one
 * that listens on a port, receives SIGTERM and exits with a code.
 */
import { spawn } from "node:child_process";
import { Readable } from "node:stream";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// import.meta.url, not import.meta.dir: the browser tests load this module under Node (Playwright).
export const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const bin = join(repoRoot, "cli/bin/weave.ts");
/** Bun runs weave: this process when it is Bun, else the Bun the repository installs. */
const bunPath = process.versions.bun ? process.execPath : join(repoRoot, "node_modules/.bin/bun");

/** The child process, under Bun or Node alike. */
export interface Child {
  readonly pid: number;
  kill(signal?: NodeJS.Signals): void;
}

export interface WeaveProcess {
  /** The base URL the server printed, e.g. http://localhost:40123. */
  readonly url: string;
  readonly child: Child;
  /** Everything written so far. */
  stdout(): string;
  stderr(): string;
  /** Sends `signal` and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number>;
}

/** Output of a run that ended by itself (it did not start listening). */
export interface Ended {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Starts `weave <args>` in `cwd` and waits until it prints the URL it listens on; resolves to the
 * exit code and output instead when it exits first (a refusal). Gives up after `timeoutMs`.
 *
 * @example
 *   const started = await startWeave(["serve", "app", "--port", "0"], { cwd, env: { DATABASE_URL: url } });
 *   if ("code" in started) throw new Error(started.stderr);
 */
export async function startWeave(args: readonly string[], options: { cwd: string; env?: Record<string, string | undefined>; timeoutMs?: number }): Promise<WeaveProcess | Ended> {
  const child = spawnChild([bunPath, bin, ...args], options.cwd, { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, DATABASE_URL: undefined, PORT: undefined, ...options.env });
  let out = "";
  let err = "";
  const outDone = collect(child.stdout, (text) => (out += text));
  let announce!: (url: string) => void;
  const announced = new Promise<string>((resolve) => {
    announce = resolve;
  });
  const errDone = collect(child.stderr, (text) => {
    err += text;
    const url = /listening on (http:\/\/\S+)/.exec(err)?.[1];
    if (url) announce(url);
  });
  const exited = child.exited.then(async (code) => {
    await Promise.all([outDone, errDone]);
    return code;
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), options.timeoutMs ?? 30_000);
  });
  const first = await Promise.race([announced, exited, timeout]);
  clearTimeout(timer);
  if (first === "timeout") {
    child.kill("SIGKILL");
    throw new Error(`weave ${args.join(" ")} did not start listening in time:\n${err}`);
  }
  if (typeof first === "number") return { code: first, stdout: out, stderr: err };
  return {
    url: first,
    child,
    stdout: () => out,
    stderr: () => err,
    async stop(signal = "SIGTERM") {
      child.kill(signal);
      return exited;
    },
  };
}

interface Spawned extends Child {
  readonly stdout: ReadableStream<Uint8Array> | Readable;
  readonly stderr: ReadableStream<Uint8Array> | Readable;
  readonly exited: Promise<number>;
}

function spawnChild(command: string[], cwd: string, env: Record<string, string | undefined>): Spawned {
  if (process.versions.bun) return Bun.spawn(command, { cwd, env, stdout: "pipe", stderr: "pipe" });
  const clean = Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
  const child = spawn(command[0]!, command.slice(1), { cwd, env: clean, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<number>((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1))));
  return { pid: child.pid!, kill: (signal) => void child.kill(signal), stdout: child.stdout!, stderr: child.stderr!, exited };
}

async function collect(stream: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>, onText: (text: string) => void): Promise<void> {
  const decoder = new TextDecoder();
  for await (const chunk of stream as AsyncIterable<Uint8Array>) onText(decoder.decode(chunk, { stream: true }));
}

/**
 * A port nothing listens on right now.
 *
 * @example
 *   const port = freePort();
 */
export function freePort(): number {
  const server = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response() });
  const port = server.port!;
  server.stop(true);
  return port;
}
