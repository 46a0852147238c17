/**
 * Spec apps for compiler tests, in the style of ZenStack's `loadSpec` / `loadSpecWithError`:
 * a map of files (path relative to the app folder -> text) is written to a temp folder, beside a
 * default weave.yaml (tenancy enabled) and policies/roles.policy.yaml (roles admin, billing,
 * viewer), and compiled with `compileApp`. The temp folder is removed as soon as compilation ends.
 *
 * `{schema}` in a file's text becomes the yaml-language-server modeline for that file's kind
 * (`{schema:entity}` names the kind), so line numbers in a test read the same as in the file.
 *
 * @example
 *   const result = await loadSpecWithError({
 *     "domain/invoice.entity.yaml": yaml`
 *       {schema}
 *       entity: Invoice
 *       fields:
 *         customer: { type: ref, to: Custmer }
 *     `,
 *   }, "WV301");
 *   expectDiagnostic(result, { code: "WV301", file: "domain/invoice.entity.yaml", line: 4, column: 34 });
 */
import { expect } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { compileApp, type CompileResult } from "../../compiler/index.ts";
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.ts";

export const repoRoot = join(import.meta.dir, "../..");

/**
 * Files of an app by path. A string is written as is (after `{schema}` expansion), bytes are
 * written raw, `null` removes a default file, a path ending in `/` is an empty folder, and
 * `{ symlink: target }` is a symbolic link.
 */
export type SpecFiles = Record<string, string | Uint8Array | null | { symlink: string }>;

/** The default weave.yaml: a valid app with tenancy enabled. */
export const DEFAULT_APP = yaml`
  {schema}
  weave: 0
  app: demo
  tenancy: { enabled: true }
`;

/** The default policy file: roles admin (inherits billing), billing and viewer. */
export const DEFAULT_POLICY = yaml`
  {schema}
  roles:
    admin: { label: Administrator, inherits: [billing] }
    billing: { label: Billing }
    viewer: { label: Viewer }
`;

const DEFAULTS: SpecFiles = { "weave.yaml": DEFAULT_APP, "policies/roles.policy.yaml": DEFAULT_POLICY };

/** A spec app written to a temp folder; `remove` deletes it. */
export interface SpecApp {
  readonly dir: string;
  compile(): Promise<CompileResult>;
  remove(): void;
}

/** Writes the app (defaults plus `files`) to a new temp folder, for tests that need it on disk for longer. */
export function specApp(files: SpecFiles): SpecApp {
  const dir = mkdtempSync(join(tmpdir(), "weave-spec-"));
  writeFiles(dir, { ...DEFAULTS, ...files });
  return { dir, compile: () => compileApp(dir), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Compiles the app and removes its folder; makes no assertion. */
export async function compileSpec(files: SpecFiles): Promise<CompileResult> {
  const app = specApp(files);
  try {
    return await app.compile();
  } finally {
    app.remove();
  }
}

/** Compiles the app and expects no errors (warnings allowed unless `clean`); returns the result, with its IR. */
export async function loadSpec(files: SpecFiles, options: { clean?: boolean } = {}): Promise<CompileResult & { ir: NonNullable<CompileResult["ir"]> }> {
  const result = await compileSpec(files);
  const unwanted = result.diagnostics.filter((d) => options.clean || d.severity === "error");
  if (unwanted.length > 0 || !result.ir) throw new Error(`expected the spec to compile${options.clean ? " clean" : ""}, got:\n${formatDiagnostics(result.diagnostics)}`);
  return result as CompileResult & { ir: NonNullable<CompileResult["ir"]> };
}

/** Compiles the app and expects `code` among its diagnostics (and no IR when `code` is an error). */
export async function loadSpecWithError(files: SpecFiles, code: string): Promise<CompileResult> {
  const result = await compileSpec(files);
  if (!result.diagnostics.some((d) => d.code === code)) {
    throw new Error(`expected ${code}, got:\n${formatDiagnostics(result.diagnostics)}`);
  }
  if (result.diagnostics.some((d) => d.code === code && d.severity === "error")) expect(result.ir).toBeUndefined();
  return result;
}

/** What a test expects of one diagnostic; fields left out are not compared. */
export type ExpectedDiagnostic = Partial<Pick<Diagnostic, "severity" | "endLine" | "endColumn">> &
  Pick<Diagnostic, "code" | "file" | "line" | "column"> & { message?: string | RegExp; hint?: string | RegExp };

/** Fails, listing every diagnostic reported, unless one matches `want`. Returns the match. */
export function expectDiagnostic(result: Pick<CompileResult, "diagnostics">, want: ExpectedDiagnostic): Diagnostic {
  const found = result.diagnostics.find((d) => matches(d, want));
  if (!found) throw new Error(`expected ${describe(want)}\nreported:\n${formatDiagnostics(result.diagnostics)}`);
  return found;
}

/** Fails, listing the diagnostics with `code`, if any was reported. */
export function expectNoDiagnostic(result: Pick<CompileResult, "diagnostics">, code: string): void {
  const found = result.diagnostics.filter((d) => d.code === code);
  if (found.length > 0) throw new Error(`expected no ${code}, got:\n${formatDiagnostics(found)}`);
}

/** One diagnostic per line, as `file:line:col-endCol CODE severity: message (hint)`. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  if (diagnostics.length === 0) return "  (nothing)";
  return diagnostics.map((d) => `  ${describe(d)}`).join("\n");
}

function describe(d: ExpectedDiagnostic): string {
  const end = d.endColumn === undefined ? "" : `-${d.endLine !== undefined && d.endLine !== d.line ? `${d.endLine}:` : ""}${d.endColumn}`;
  const hint = d.hint === undefined ? "" : ` (hint: ${String(d.hint)})`;
  return `${d.file}:${d.line}:${d.column}${end} ${d.code}${d.severity ? ` ${d.severity}` : ""}${d.message === undefined ? "" : `: ${String(d.message)}`}${hint}`;
}

function matches(d: Diagnostic, want: ExpectedDiagnostic): boolean {
  const keys = ["code", "file", "line", "column", "severity", "endLine", "endColumn"] as const;
  if (keys.some((k) => want[k] !== undefined && want[k] !== d[k])) return false;
  return same(d.message, want.message) && same(d.hint, want.hint);
}

function same(actual: string | undefined, want: string | RegExp | undefined): boolean {
  if (want === undefined) return true;
  return typeof want === "string" ? actual === want : want.test(actual ?? "");
}

/**
 * A YAML template: strips the first line break and the common indentation, so inline YAML can
 * be indented with the test code and still read with the line and column numbers of the file.
 *
 * @example
 *   yaml`
 *     entity: Invoice
 *   `; // "entity: Invoice\n"
 */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = String.raw({ raw: strings }, ...values).replace(/^\n/, "").replace(/\n[ \t]*$/, "\n");
  const lines = text.split("\n");
  const indents = lines.filter((l) => l.trim() !== "").map((l) => /^ */.exec(l)![0].length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(common)).join("\n");
}

function writeFiles(dir: string, files: SpecFiles): void {
  for (const [path, content] of Object.entries(files)) {
    if (content === null) continue;
    const target = join(dir, path);
    if (path.endsWith("/")) {
      mkdirSync(target, { recursive: true });
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    if (typeof content === "string") writeFileSync(target, withModeline(dir, path, content));
    else if (content instanceof Uint8Array) writeFileSync(target, content);
    else symlinkSync(content.symlink, target);
  }
}

function withModeline(dir: string, path: string, text: string): string {
  return text.replace(/\{schema(?::(\w+))?\}/g, (_, kind: string | undefined) => modeline(dir, path, kind ?? kindOf(path)));
}

/** The modeline for a file, pointing at the repository's schema so that an editor would resolve it. */
export function modeline(dir: string, path: string, kind: string): string {
  const schema = relative(dirname(join(dir, path)), join(repoRoot, "schema", `${kind}.schema.json`));
  return `# yaml-language-server: $schema=${schema}`;
}

/** The file kind a path implies, from its folder and suffix. */
export function kindOf(path: string): string {
  if (path === "weave.yaml") return "app";
  const suffix = /\.(entity|policy|workflow|query)\.ya?ml$/.exec(path)?.[1];
  if (suffix) return suffix;
  const folder = path.split("/")[0] ?? "";
  const kinds: Record<string, string> = { domain: "entity", policies: "policy", workflows: "workflow", queries: "query", ui: "theme", i18n: "i18n", seed: "seed" };
  return kinds[folder] ?? "app";
}
