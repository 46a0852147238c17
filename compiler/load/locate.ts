import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from "yaml";
import type { Place } from "../diagnostics/reporter.ts";
import { placeOf, type SourceFile } from "./source-file.ts";

/** A path into a document: mapping keys and sequence indexes. */
export type DocPath = readonly (string | number)[];

/** Which part of a mapping entry a diagnostic points at. */
export type Target = "key" | "value";

/**
 * Finds the source place of the node at `path`. With target "key" it points at the mapping key
 * (for unknown keys, duplicate names); with "value" at the value. When the path does not exist
 * (a missing key), it falls back to the deepest node that does.
 *
 * @example
 *   locate(file, ["fields", "customer", "to"], "value"); // { file, line: 7, column: 31, ... }
 */
export function locate(file: SourceFile, path: DocPath, target: Target = "value"): Place {
  let node: unknown = file.doc.contents;
  let pair: Pair | undefined;
  for (const segment of path) {
    const next = child(node, segment);
    if (!next) break;
    ({ node, pair } = next);
  }
  const range = target === "key" && pair && isNode(pair.key) ? pair.key.range : isNode(node) ? node.range : undefined;
  return range ? placeOf(file, range[0], range[1]) : placeOf(file, 0);
}

/** The source range [start, end) of the scalar at `path`, with its quoting style, for mapping offsets inside strings. */
export function scalarAt(file: SourceFile, path: DocPath): { start: number; end: number; type: string } | undefined {
  let node: unknown = file.doc.contents;
  for (const segment of path) {
    const next = child(node, segment);
    if (!next) return undefined;
    node = next.node;
  }
  if (!isScalar(node) || !node.range) return undefined;
  return { start: node.range[0], end: node.range[1], type: String(node.type ?? "PLAIN") };
}

function child(node: unknown, segment: string | number): { node: unknown; pair?: Pair } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && keyOf(p) === String(segment));
    return pair ? { node: pair.value, pair } : undefined;
  }
  if (isSeq(node) && typeof segment === "number") {
    const item = node.items[segment];
    return item === undefined ? undefined : { node: item };
  }
  return undefined;
}

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function isNode(value: unknown): value is Node & { range: [number, number, number] } {
  return typeof value === "object" && value !== null && "range" in value && Array.isArray((value as Node).range);
}
