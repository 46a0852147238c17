/**
 * `weave dev` and `weave serve` in a child process, for the tests that need a real process: one
 * that listens on a port, receives SIGTERM and exits with a code.
 */
import { join } from "node:path";

export const repoRoot = join(import.meta.dir, "../../..");
const bin = join(repoRoot, "cli/bin/weave.ts");

export interface WeaveProcess {
  /** The base URL the server printed, e.g. http://localhost:40123. */
  readonly url: string;
  readonly child: ReturnType<typeof Bun.spawn>;
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
  const child = Bun.spawn([process.execPath, bin, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, DATABASE_URL: undefined, PORT: undefined, ...options.env },
    stdout: "pipe",
    stderr: "pipe",
  });
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

async function collect(stream: ReadableStream<Uint8Array>, onText: (text: string) => void): Promise<void> {
  const decoder = new TextDecoder();
  for await (const chunk of stream) onText(decoder.decode(chunk, { stream: true }));
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
