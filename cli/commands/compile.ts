/**
 * `weave compile [dir]`: compile an app folder and write its IR, entity types and database types to `.weave/`.
 */
import { join, resolve } from "node:path";
import { hasErrors } from "../../compiler/diagnostics/diagnostic.ts";
import type { IR } from "../../compiler/ir/index.ts";
import { appDir, displayPath } from "../app-dir.ts";
import { defineCommand, ExitCode } from "../command.ts";
import { compileTimed } from "../compile.ts";
import { useColor } from "../format/ansi.ts";
import { pretty } from "../format/pretty.ts";
import type { Io } from "../io.ts";
import { buildReport, type CompileOutcome } from "../report.ts";
import { writeFileAtomic } from "../write-file.ts";

export const compile = defineCommand({
  name: "compile",
  summary: "Compile an app folder to .weave/ir.json, .weave/types.ts and .weave/db.ts",
  usage: "weave compile [dir] [options]",
  args: [{ name: "dir", description: "App folder holding weave.yaml (default: .)" }],
  options: {
    out: { type: "string", value: "<dir>", description: "Folder to write into (default: <dir>/.weave)" },
    json: { type: "boolean", description: "Print { ir, types, hash } as JSON" },
  },
  async run({ values, positionals }, io) {
    const dir = appDir(positionals[0] ?? ".", io.cwd);
    const { result, ms } = await compileTimed(dir);
    if (result.diagnostics.length > 0) printDiagnostics(result, io);
    if (hasErrors(result.diagnostics) || !result.ir) return ExitCode.problems;
    const outDir = values.out === undefined ? join(dir, ".weave") : resolve(io.cwd, values.out);
    const written = await writeOutputs(result.ir, outDir);
    io.stdout.write(values.json ? jsonSummary(written, io.cwd) : textSummary(written, dir, ms, io.cwd));
    return ExitCode.ok;
  },
});

interface GeneratedFile {
  readonly path: string;
  readonly bytes: number;
  readonly ms: number;
}

interface Written {
  readonly ir: { readonly path: string; readonly bytes: number };
  /** The entity types (types.ts). */
  readonly types: GeneratedFile;
  /** The Kysely database types (db.ts). */
  readonly db: GeneratedFile;
  readonly hash: string;
}

/**
 * Writes the IR as pretty JSON, the generated entity types and the database types into `outDir`.
 *
 * @example
 * await writeOutputs(ir, "/app/.weave"); // writes /app/.weave/ir.json, types.ts and db.ts
 */
export async function writeOutputs(ir: IR, outDir: string): Promise<Written> {
  const { generateEntityTypes } = await import("../../compiler/generators/types/index.ts");
  const { generateDatabaseTypes } = await import("../../compiler/generators/db-types/index.ts");
  const irPath = join(outDir, "ir.json");
  const irBytes = writeFileAtomic(irPath, `${JSON.stringify(ir, null, 2)}\n`);
  const types = generate(join(outDir, "types.ts"), () => generateEntityTypes(ir));
  const db = generate(join(outDir, "db.ts"), () => generateDatabaseTypes(ir));
  return { ir: { path: irPath, bytes: irBytes }, types, db, hash: ir.hash };
}

function generate(path: string, run: () => string): GeneratedFile {
  const started = performance.now();
  const text = run();
  const ms = performance.now() - started;
  return { path, bytes: writeFileAtomic(path, text), ms };
}

// stderr, so stdout stays the command's result (and valid JSON with --json).
function printDiagnostics(result: CompileOutcome, io: Io): void {
  io.stderr.write(pretty(buildReport(result, { cwd: io.cwd, color: useColor(io.stderr, io.env) })));
}

function textSummary(written: Written, dir: string, ms: number, cwd: string): string {
  return [
    `compiled ${displayPath(dir, cwd)} in ${Math.round(ms)} ms`,
    `  wrote ${displayPath(written.ir.path, cwd)} (${size(written.ir.bytes)}, hash ${shortHash(written.hash)})`,
    ...[written.types, written.db].map((f) => `  wrote ${displayPath(f.path, cwd)} (${size(f.bytes)}, generated in ${Math.round(f.ms)} ms)`),
    "",
  ].join("\n");
}

function jsonSummary(written: Written, cwd: string): string {
  const body = { ir: displayPath(written.ir.path, cwd), types: displayPath(written.types.path, cwd), db: displayPath(written.db.path, cwd), hash: written.hash };
  return `${JSON.stringify(body, null, 2)}\n`;
}

// "sha256:4456c0d1..." -> "4456c0d1e2f3": enough to tell builds apart at a glance.
function shortHash(hash: string): string {
  return hash.slice(hash.indexOf(":") + 1, hash.indexOf(":") + 13);
}

function size(bytes: number): string {
  return bytes < 1000 ? `${bytes} B` : `${(bytes / 1000).toFixed(1)} kB`;
}
