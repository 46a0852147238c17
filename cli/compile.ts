/**
 * The compiler, loaded on first use so `weave --help` and commands that do not compile stay fast.
 */
import type { CompileResult } from "../compiler/index.ts";

/**
 * Compiles the app folder `dir` (absolute) and measures how long it took.
 *
 * @example
 * const { result, ms } = await compileTimed("/repo/examples/invoicing");
 */
export async function compileTimed(dir: string): Promise<{ result: CompileResult; ms: number }> {
  const { compileApp } = await import("../compiler/index.ts");
  const started = performance.now();
  const result = await compileApp(dir);
  return { result, ms: performance.now() - started };
}
