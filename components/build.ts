/**
 * Builds the components into one self-contained ES module (Lit and every widget inside), the file
 * the runtime serves at `/weave/weave.js` and `weave build` writes. Bun's bundler does the work.
 *
 * @example const { code } = await buildBundle({ minify: true }); await Bun.write("dist/weave.js", code);
 */
import { fileURLToPath } from "node:url";

export interface BundleOptions {
  readonly minify?: boolean;
  /** Add an inline source map (development). */
  readonly sourcemap?: boolean;
}

/**
 * The built files: `weave.js` (every element), `charts.js` (Chart.js, loaded by charts on first
 * use) and `extras.js` (the optional widgets, loaded by forms on first use).
 */
export interface Bundle {
  readonly code: string;
  readonly charts: string;
  readonly extras: string;
}

/** The entry module: every element, registered. */
export const BUNDLE_ENTRY = fileURLToPath(new URL("./index.ts", import.meta.url));
/** The chart renderer, a module of its own so pages without charts never load it. */
export const CHARTS_ENTRY = fileURLToPath(new URL("./dashboard/chart-renderer.ts", import.meta.url));
/** The optional widgets. */
export const EXTRAS_ENTRY = fileURLToPath(new URL("./extras.ts", import.meta.url));

export async function buildBundle(options: BundleOptions = {}): Promise<Bundle> {
  const [code, charts, extras] = await Promise.all([buildOne(BUNDLE_ENTRY, options), buildOne(CHARTS_ENTRY, options), buildOne(EXTRAS_ENTRY, options)]);
  return { code, charts, extras };
}

async function buildOne(entry: string, options: BundleOptions): Promise<string> {
  const result = await Bun.build({
    entrypoints: [entry],
    target: "browser",
    format: "esm",
    minify: options.minify ?? true,
    sourcemap: options.sourcemap ? "inline" : "none",
    define: { "process.env.NODE_ENV": JSON.stringify(options.minify === false ? "development" : "production") },
  });
  if (!result.success) throw new AggregateError(result.logs, `the components bundle failed to build (${entry})`);
  const [output] = result.outputs;
  if (!output) throw new Error(`the components bundle produced no output (${entry})`);
  return output.text();
}
