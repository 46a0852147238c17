/**
 * Where a command reads its environment and writes its output. Commands take an `Io` instead of
 * touching `process` so tests can run them in process and read what they printed.
 */

/** One output stream. */
export interface Out {
  write(text: string): void;
  /** True when a terminal reads the stream: colour and progress only then. */
  readonly isTTY: boolean;
}

export interface Io {
  readonly stdout: Out;
  readonly stderr: Out;
  /** Absolute working directory: relative paths in arguments and output are relative to it. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Asks a person a question and resolves with their answer; absent when no terminal can answer
   * (stdin is a pipe or a file), so commands that need a confirmation ask for a flag instead.
   */
  readonly ask?: (question: string) => Promise<string>;
}

/**
 * The real process's streams, directory and environment.
 *
 * @example
 * const code = await main(["check", "."], processIo());
 */
export function processIo(): Io {
  return {
    stdout: { write: (text) => void process.stdout.write(text), isTTY: process.stdout.isTTY === true },
    stderr: { write: (text) => void process.stderr.write(text), isTTY: process.stderr.isTTY === true },
    cwd: process.cwd(),
    env: process.env,
    ...(process.stdin.isTTY ? { ask: askOnTerminal } : {}),
  };
}

async function askOnTerminal(question: string): Promise<string> {
  const { createInterface } = await import("node:readline/promises");
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await terminal.question(question);
  } finally {
    terminal.close();
  }
}

/** What `memoryIo` captured. */
export interface CapturedIo extends Io {
  readonly out: () => string;
  readonly err: () => string;
}

/**
 * An `Io` that keeps everything written, for tests.
 *
 * @example
 * const io = memoryIo({ cwd: "/tmp/app" });
 * await main(["--version"], io);
 * io.out(); // "0.1.0\n"
 */
export function memoryIo(options: { cwd?: string; env?: Record<string, string>; tty?: boolean; answers?: string[] } = {}): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  const tty = options.tty ?? false;
  return {
    stdout: { write: (text) => void out.push(text), isTTY: tty },
    stderr: { write: (text) => void err.push(text), isTTY: tty },
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    // Each question is printed as a terminal would show it, then answered with the next answer.
    ...(options.answers ? { ask: async (question: string) => (err.push(question), options.answers!.shift() ?? "") } : {}),
    out: () => out.join(""),
    err: () => err.join(""),
  };
}
