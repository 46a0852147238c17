import { isMap, LineCounter, parseDocument, type YAMLError } from "yaml";
import type { Reporter } from "../diagnostics/reporter.ts";
import { placeOf, type FileKind, type SourceFile } from "./source-file.ts";

const MODELINE = /^#\s*yaml-language-server:\s*\$schema=\S+/m;

/**
 * Parses one spec file's text, keeping source ranges for diagnostics. YAML errors are reported
 * (WV100, duplicate keys WV101) and never thrown; a document that is not a mapping is WV102.
 *
 * @example
 *   const file = parseSpecFile("domain/invoice.entity.yaml", "entity", text, reporter);
 *   file.data; // { entity: "Invoice", fields: { ... } }
 */
export function parseSpecFile(path: string, kind: FileKind, text: string, reporter: Reporter): SourceFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  const file = { kind, path, text, doc, lines, data: undefined as unknown };
  for (const error of doc.errors) reportYamlError(file, error, reporter);
  if (doc.errors.length > 0) return file;
  if (!isMap(doc.contents)) {
    const start = doc.contents?.range?.[0] ?? 0;
    reporter.report("WV102", placeOf(file, start), `${path} must hold one YAML mapping (key: value pairs)`, mappingHint(kind));
    return file;
  }
  if (!MODELINE.test(text)) {
    reporter.report("WV107", placeOf(file, 0), `${path} has no yaml-language-server $schema modeline`, modelineHint(path, kind));
  }
  return { ...file, data: doc.toJS({ maxAliasCount: 100 }) };
}

function reportYamlError(file: Pick<SourceFile, "path" | "lines">, error: YAMLError, reporter: Reporter): void {
  const [start, end] = error.pos;
  const message = error.message.split("\n")[0] ?? error.message;
  if (error.code === "DUPLICATE_KEY") {
    reporter.report("WV101", placeOf(file, start, end), `duplicate key: ${message}`, "remove or rename one of the two keys");
    return;
  }
  reporter.report("WV100", placeOf(file, start, end), `YAML syntax error: ${message}`);
}

function mappingHint(kind: FileKind): string {
  return kind === "entity" ? "start with `entity: Name` and a `fields:` mapping" : "write the file's keys at the top level";
}

function modelineHint(path: string, kind: FileKind): string {
  const depth = path.split("/").length - 1;
  const schema = `${"../".repeat(depth)}<path to weave>/schema/${kind}.schema.json`;
  return `add \`# yaml-language-server: $schema=${schema}\` as the first line for editor completion`;
}
