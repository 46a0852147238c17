import { isMap, LineCounter, parseDocument } from "yaml";
import type { Reporter } from "../diagnostics/reporter.ts";
import { placeOf, type FileKind, type SourceFile } from "./source-file.ts";
import { firstAlias, reportYamlError } from "./yaml-errors.ts";

const MODELINE = /^#\s*yaml-language-server:\s*\$schema=\S+/m;

/**
 * Parses one spec file's text, keeping source ranges for diagnostics. YAML errors are reported
 * (WV100, duplicate keys WV101, several documents WV102) and never thrown; a document that is not
 * a mapping is WV102.
 *
 * @example
 *   const file = parseSpecFile("domain/invoice.entity.yaml", "entity", text, reporter);
 *   file.data; // { entity: "Invoice", fields: { ... } }
 */
export function parseSpecFile(path: string, kind: FileKind, text: string, reporter: Reporter): SourceFile {
  const lines = new LineCounter();
  // logLevel "error": the yaml library would print warnings (e.g. about a `? [complex, key]`) to
  // stderr; the compiler speaks only through diagnostics, and schema validation reports that key.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, keepSourceTokens: false, logLevel: "error" });
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
  return { ...file, data: toData(file, reporter) };
}

/** The plain data; undefined when aliases expand to more than a spec needs (the yaml library throws then). */
function toData(file: SourceFile, reporter: Reporter): unknown {
  try {
    return file.doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const message = `YAML aliases expand to too much data: ${(error as Error).message}`;
    reporter.report("WV100", placeOf(file, firstAlias(file.doc)), message, "write the values out instead of repeating `*alias` references");
    return undefined;
  }
}

function mappingHint(kind: FileKind): string {
  return kind === "entity" ? "start with `entity: Name` and a `fields:` mapping" : "write the file's keys at the top level";
}

function modelineHint(path: string, kind: FileKind): string {
  const depth = path.split("/").length - 1;
  const schema = `${"../".repeat(depth)}<path to weave>/schema/${kind}.schema.json`;
  return `add \`# yaml-language-server: $schema=${schema}\` as the first line for editor completion`;
}
