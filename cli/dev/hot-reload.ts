/**
 * What `weave dev` does on a spec change: recompile; on errors, print them and show them in the
 * browsers while the last good model keeps serving; else bring the development database to the
 * new model (a destructive change is shown and refused unless --allow-destructive) and swap the
 * new model into the running server, then tell the browsers to refresh. Changes are handled one
 * at a time; a change during a reload triggers one more reload after it.
 */
import { join } from "node:path";
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.ts";
import { hasErrors } from "../../compiler/diagnostics/diagnostic.ts";
import type { IR } from "../../compiler/ir/index.ts";
import type { Database } from "../../runtime/db/create-database.ts";
import type { DevChannel, DevDiagnostic } from "../../runtime/ui/dev-channel.ts";
import { compileTimed } from "../compile.ts";
import { useColor } from "../format/ansi.ts";
import { pretty } from "../format/pretty.ts";
import type { Io } from "../io.ts";
import { buildReport } from "../report.ts";
import { DevStepFailure, migrateDevelopment } from "../serve/dev-database.ts";

export interface HotReloadOptions {
  readonly label: string;
  readonly dir: string;
  readonly io: Io;
  readonly database: Database;
  readonly channel: DevChannel;
  readonly allowDestructive: boolean;
  /** The model being served. */
  readonly current: IR;
  /** Serves `ir` from now on (the same port, database and event bus). */
  readonly swap: (ir: IR) => void;
}

/** What one reload did, for the terminal and for tests. */
export type ReloadOutcome =
  | { readonly kind: "served"; readonly hash: string; readonly ms: number; readonly steps: number }
  | { readonly kind: "unchanged"; readonly ms: number }
  | { readonly kind: "diagnostics"; readonly ms: number }
  | { readonly kind: "refused"; readonly ms: number; readonly reason: string };

/**
 * A reloader: call `reload()` on every change; it serialises the work.
 *
 * @example const reloader = createReloader(options); watchSpec(dir, () => void reloader.reload());
 */
export function createReloader(options: HotReloadOptions) {
  let current = options.current;
  let running: Promise<ReloadOutcome> | undefined;
  let again = false;

  async function once(): Promise<ReloadOutcome> {
    const started = performance.now();
    const { io, label, channel } = options;
    const { result, ms: compileMs } = await compileTimed(options.dir);
    const ms = () => Math.round(performance.now() - started);
    if (result.diagnostics.length > 0) io.stderr.write(pretty(buildReport(result, { cwd: io.cwd, color: useColor(io.stderr, io.env) })));
    if (hasErrors(result.diagnostics) || !result.ir) {
      channel.publish({ type: "diagnostics", diagnostics: result.diagnostics.filter((d) => d.severity === "error").map(toDev) });
      io.stderr.write(`${label}: the spec has errors; still serving the last good model\n`);
      return { kind: "diagnostics", ms: ms() };
    }
    const next = result.ir;
    if (next.hash === current.hash) {
      channel.publish({ type: "reload", hash: next.hash, ms: ms() }); // clears a stale overlay
      return { kind: "unchanged", ms: ms() };
    }
    const migrateStarted = performance.now();
    const refusal = await migrate(next);
    const migrateMs = performance.now() - migrateStarted;
    if (refusal) {
      channel.publish({ type: "diagnostics", diagnostics: [{ code: "WV-DEV", severity: "error", message: refusal, hint: "restart with --allow-destructive to apply it to the development database" }] });
      io.stderr.write(`${label}: ${refusal}; still serving the last good model (restart with --allow-destructive to apply it)\n`);
      return { kind: "refused", ms: ms(), reason: refusal };
    }
    const swapStarted = performance.now();
    options.swap(next);
    const swapMs = performance.now() - swapStarted;
    current = next;
    channel.publish({ type: "reload", hash: next.hash, ms: ms() });
    const parts = `compile ${Math.round(compileMs)} ms, database ${Math.round(migrateMs)} ms (${lastSteps} ${lastSteps === 1 ? "step" : "steps"}), server ${Math.round(swapMs)} ms`;
    io.stderr.write(`${label}: reloaded in ${ms()} ms (${parts})\n`);
    return { kind: "served", hash: next.hash, ms: ms(), steps: lastSteps };
  }

  let lastSteps = 0;
  /** Brings the database to `next`; a reason when it cannot. */
  async function migrate(next: IR): Promise<string | undefined> {
    try {
      const migration = await migrateDevelopment(options.database, next, { allowDestructive: options.allowDestructive, migrationsDir: join(options.dir, "migrations") });
      lastSteps = migration.steps.length;
      if (migration.problems.length > 0) return `the change was not applied to the database: ${migration.problems.map((p) => p.message).join("; ")}`;
      return undefined;
    } catch (error) {
      if (error instanceof DevStepFailure) return `could not apply the change: ${error.message}`;
      throw error;
    }
  }

  return {
    /** Reloads now, or once more after the reload that is running. */
    reload(): Promise<ReloadOutcome> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        let outcome = await once();
        while (again) {
          again = false;
          outcome = await once();
        }
        return outcome;
      })().finally(() => {
        running = undefined;
      });
      return running;
    },
    get current() {
      return current;
    },
  };
}

function toDev(d: Diagnostic): DevDiagnostic {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    ...(d.file ? { file: d.file } : {}),
    ...(d.line !== undefined ? { line: d.line } : {}),
    ...(d.column !== undefined ? { column: d.column } : {}),
    ...(d.hint ? { hint: d.hint } : {}),
  };
}
