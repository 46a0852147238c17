import { isMap, isScalar, visit, type Document, type YAMLError } from "yaml";
import type { Reporter } from "../diagnostics/reporter.ts";
import { placeOf, type SourceFile } from "./source-file.ts";

type Parsed = Pick<SourceFile, "path" | "lines" | "doc">;

/**
 * Reports one error of the YAML parser: a duplicate key (WV101, naming the key and where it was
 * first set), several documents in one file (WV102), or any other syntax error (WV100).
 *
 * @example
 *   for (const error of doc.errors) reportYamlError(file, error, reporter);
 */
export function reportYamlError(file: Parsed, error: YAMLError, reporter: Reporter): void {
  const [start, end] = error.pos;
  const message = error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? error.message;
  if (error.code === "DUPLICATE_KEY") return reportDuplicate(file, start, end, reporter);
  if (error.code === "MULTIPLE_DOCS") {
    return reporter.report("WV102", placeOf(file, start, end), `${file.path} holds more than one YAML document`, "a spec file is one document: remove the `---` line and what follows, or move it to its own file");
  }
  reporter.report("WV100", placeOf(file, start, end), `YAML syntax error: ${message}`);
}

function reportDuplicate(file: Parsed, start: number, end: number, reporter: Reporter): void {
  const duplicate = duplicateKey(file.doc, start);
  if (!duplicate) return reporter.report("WV101", placeOf(file, start, end), "duplicate key in a mapping", "remove or rename one of the two keys");
  const line = file.lines.linePos(duplicate.first).line;
  reporter.report("WV101", placeOf(file, start, duplicate.end), `duplicate key \`${duplicate.key}\`: it is already set on line ${line}`, "remove or rename one of the two keys");
}

/** The key starting at `start`, and where the same key first appears in its mapping. */
function duplicateKey(doc: Document.Parsed, start: number): { key: string; end: number; first: number } | undefined {
  let found: { key: string; end: number; first: number } | undefined;
  visit(doc, {
    Pair(_, pair, path) {
      if (!isScalar(pair.key) || pair.key.range?.[0] !== start) return undefined;
      const key = pair.key.value;
      const parent = path[path.length - 1];
      const first = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
      const firstKey = first && isScalar(first.key) ? first.key : pair.key;
      found = { key: String(key), end: pair.key.range[1], first: firstKey.range?.[0] ?? start };
      return visit.BREAK;
    },
  });
  return found;
}

/** Where the first `*alias` of a document is: aliases that expand too far are reported there. */
export function firstAlias(doc: Document.Parsed): number {
  let offset = 0;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}
