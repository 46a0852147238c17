/**
 * Edits of YAML text by path that keep everything else byte for byte: comments, key order, blank
 * lines, quoting and the spacing inside flow collections. The `yaml` Document API finds the nodes
 * and their source ranges; only the text of the changed node is replaced, and new nodes are
 * rendered in the house style (render.ts). A change inside a flow collection (`{ ... }`, `[...]`)
 * rewrites that collection alone, keeping the source text of each scalar it does not change.
 */
import { isMap, isScalar as isYamlScalar, isSeq, type Node, type Pair, parseDocument, type Scalar, type YAMLMap, type YAMLSeq } from "yaml";
import { isList, isMapping, Raw, renderFlow, renderItems, renderKey, renderPair, renderScalar, type Value } from "./render.ts";

export type Path = readonly (string | number)[];

/** Where a new key goes in a block map: after the last key, or before the first of `before` present. */
export interface PlaceOptions {
  readonly before?: readonly string[];
  /** Block (default) or flow style for a new map value. */
  readonly style?: "block" | "flow";
}

/** A YAML text that cannot take the edit (not a mapping where one is needed, a parse error). */
export class YamlEditError extends Error {}

type Collection = YAMLMap<unknown, unknown> | YAMLSeq<unknown>;

function parse(text: string) {
  const doc = parseDocument(text, { uniqueKeys: false, logLevel: "silent" });
  if (doc.errors.length > 0) throw new YamlEditError(`the file does not parse: ${doc.errors[0]!.message}`);
  return doc;
}

/**
 * Sets the value at `path`, creating the maps on the way.
 *
 * @example setIn("a: 1\n", ["b", "c"], 2) // "a: 1\nb:\n  c: 2\n"
 */
export function setIn(text: string, path: Path, value: Value, place: PlaceOptions = {}): string {
  return edit(text, path, { kind: "set", value, place });
}

/** Removes the key (or list item) at `path`; a block map left empty goes with its key. */
export function deleteIn(text: string, path: Path): string {
  return edit(text, path, { kind: "delete" });
}

/** Renames the key at `path` to `to`, keeping its value and comments. */
export function renameKey(text: string, path: Path, to: string): string {
  return edit(text, path, { kind: "rename", to });
}

/** Appends `item` to the list at `path`, creating the list when absent. */
export function appendIn(text: string, path: Path, item: Value, place: PlaceOptions = {}): string {
  return edit(text, path, { kind: "append", item, place });
}

/** The plain value at `path` (undefined when absent), for edits that read before they write. */
export function getIn(text: string, path: Path): unknown {
  const node = parse(text).getIn(path, false);
  return isYamlScalar(node) || isMap(node) || isSeq(node) ? (node as Node).toJSON() : node;
}

type Op =
  | { readonly kind: "set"; readonly value: Value; readonly place: PlaceOptions }
  | { readonly kind: "delete" }
  | { readonly kind: "rename"; readonly to: string }
  | { readonly kind: "append"; readonly item: Value; readonly place: PlaceOptions };

function edit(text: string, path: Path, op: Op): string {
  if (path.length === 0) throw new YamlEditError("an edit needs a path");
  const doc = parse(text);
  if (!isMap(doc.contents)) throw new YamlEditError("the file does not hold a mapping");
  let parent: Collection = doc.contents;
  for (let i = 0; i < path.length - 1; i++) {
    if (parent.flow) return editFlow(text, parent, path.slice(i), op);
    const child = childNode(parent, path[i]!);
    if (child === undefined || !(isMap(child) || isSeq(child))) return missingParent(text, path, i, op);
    parent = child;
  }
  if (parent.flow) return editFlow(text, parent, path.slice(-1), op);
  return editBlock(text, parent, path.at(-1)!, op, path);
}

/** A parent on the path is absent: create it holding what the edit adds. */
function missingParent(text: string, path: Path, depth: number, op: Op): string {
  if (op.kind === "delete" || op.kind === "rename") return text;
  let value: Value = op.kind === "set" ? op.value : [op.item];
  const rest = op.kind === "set" ? path.slice(depth + 1) : path.slice(depth + 1);
  for (const key of [...rest].reverse()) value = { [String(key)]: value } as Value;
  return setIn(text, path.slice(0, depth + 1), value, op.place);
}

function childNode(parent: Collection, key: string | number): Node | null | undefined {
  if (isSeq(parent)) return typeof key === "number" ? (parent.items[key] as Node | undefined) : undefined;
  const pair = pairOf(parent, key);
  return pair ? (pair.value as Node | null) : undefined;
}

function pairOf(map: YAMLMap<unknown, unknown>, key: string | number): Pair<Scalar, Node | null> | undefined {
  return map.items.find((p) => isYamlScalar(p.key) && String(p.key.value) === String(key)) as Pair<Scalar, Node | null> | undefined;
}

// --- flow collections: rewrite the collection from its parts ---

function editFlow(text: string, node: Collection, rest: Path, op: Op): string {
  const value = applyToValue(toValue(node, text), rest, op);
  const [start, end] = node.range!;
  return text.slice(0, start) + renderFlow(value) + text.slice(end);
}

/** A collection as plain data whose scalars keep their source text. */
function toValue(node: unknown, text: string): Value {
  if (isMap(node)) return Object.fromEntries(node.items.map((p) => [String((p.key as Scalar).value), toValue(p.value, text)]));
  if (isSeq(node)) return node.items.map((item) => toValue(item, text));
  if (isYamlScalar(node) && node.range) return new Raw(text.slice(node.range[0], node.range[1]));
  return null;
}

function applyToValue(value: Value, path: Path, op: Op): Value {
  const [key, ...rest] = path;
  if (key === undefined) {
    if (op.kind === "append") return [...(isList(value) ? value : []), op.item];
    return op.kind === "set" ? op.value : value;
  }
  if (isList(value)) {
    const index = Number(key);
    if (rest.length === 0 && op.kind === "delete") return value.filter((_, i) => i !== index);
    return value.map((item, i) => (i === index ? applyToValue(item, rest, op) : item));
  }
  const map: Record<string, Value> = isMapping(value) ? { ...value } : {};
  const name = String(key);
  if (rest.length === 0 && op.kind === "delete") return without(map, name);
  if (rest.length === 0 && op.kind === "rename") return Object.fromEntries(Object.entries(map).map(([k, v]) => [k === name ? op.to : k, v]));
  if (rest.length === 0 && op.kind === "set") return { ...map, [name]: op.value };
  if (!(name in map) && (op.kind === "delete" || op.kind === "rename")) return map;
  return { ...map, [name]: applyToValue(map[name] ?? null, rest, op) };
}

function without(map: Record<string, Value>, key: string): Value {
  const { [key]: _, ...rest } = map;
  return rest;
}

// --- block collections: splice lines ---

function editBlock(text: string, parent: Collection, key: string | number, op: Op, path: Path): string {
  // A block list left empty goes with its key, as a block map does.
  if (isSeq(parent) && op.kind === "delete" && parent.items.length === 1 && Number(key) === 0 && path.length > 1) return deleteIn(text, path.slice(0, -1));
  if (isSeq(parent)) return editBlockItem(text, parent, Number(key), op);
  const pair = pairOf(parent, key);
  if (op.kind === "rename") return pair ? splice(text, pair.key.range![0], pair.key.range![1], renderKey(op.to)) : text;
  if (op.kind === "delete") return pair ? deleteBlockPair(text, parent, pair, path) : text;
  if (op.kind === "append") {
    if (!pair || pair.value === null || (isYamlScalar(pair.value) && pair.value.value === null)) return setIn(text, path, [op.item], op.place);
    const list = pair.value;
    if (!isSeq(list)) throw new YamlEditError(`${path.join(".")} is not a list`);
    if (list.flow) return editFlow(text, list, [], op);
    return appendBlockItem(text, list, op.item);
  }
  if (pair) return replaceBlockValue(text, pair, op.value, op.place);
  return insertBlockPair(text, parent, String(key), op.value, op.place);
}

function editBlockItem(text: string, seq: YAMLSeq<unknown>, index: number, op: Op): string {
  const item = seq.items[index] as Node | undefined;
  if (!item?.range) return text;
  if (op.kind === "delete") {
    // The comment lines above an item, at the indentation of its dash, belong to it.
    const start = lineStart(text, item.range[0]);
    const dash = text.slice(start).search(/\S/);
    return cutLines(text, commentStart(text, start, dash), lineEnd(text, item.range[1] - 1));
  }
  if (op.kind === "set") return splice(text, item.range[0], item.range[1], renderFlow(op.value));
  return text;
}

/** The column the keys of a block map start at. */
function keyColumn(text: string, map: YAMLMap<unknown, unknown>): number {
  const first = map.items[0]?.key as Scalar | undefined;
  return first?.range ? first.range[0] - lineStart(text, first.range[0]) : 0;
}

function insertBlockPair(text: string, map: YAMLMap<unknown, unknown>, key: string, value: Value, place: PlaceOptions): string {
  const indent = keyColumn(text, map);
  const rendered = renderPair(key, value, indent, place.style);
  const before = (place.before ?? []).map((k) => pairOf(map, k)).find((p) => p !== undefined);
  // Top-level sections of a spec file are set apart by a blank line, as the examples write them.
  const section = indent === 0 && !isScalarValue(value);
  if (before) {
    const at = commentStart(text, lineStart(text, before.key.range![0]), indent);
    return splice(text, at, at, section ? `${rendered}\n` : rendered);
  }
  const last = map.items.at(-1) as Pair<Scalar, Node | null> | undefined;
  if (!last) return `${text}${text.endsWith("\n") || text === "" ? "" : "\n"}${rendered}`;
  const at = lineEnd(text, endOf(last) - 1);
  const head = at > text.length ? "\n" : "";
  return splice(text, at, at, `${head}${section && !precededByBlank(text, at) ? "\n" : ""}${rendered}`);
}

function isScalarValue(value: Value): boolean {
  return !isList(value) && !isMapping(value);
}

function replaceBlockValue(text: string, pair: Pair<Scalar, Node | null>, value: Value, place: PlaceOptions): string {
  const old = pair.value;
  const keyStart = pair.key.range![0];
  const inline = isScalarValue(value) || place.style === "flow" || (isList(value) && value.every(isScalarValue));
  if (inline && old && (isYamlScalar(old) || (old as Collection).flow) && old.range && old.range[0] < old.range[1]) {
    return splice(text, old.range[0], old.range[1], renderFlow(value));
  }
  const indent = keyStart - lineStart(text, keyStart);
  const from = lineStart(text, keyStart);
  return cutLines(text, from, lineEnd(text, endOf(pair) - 1), renderPair(pair.key.value as string, value, indent, place.style));
}

function deleteBlockPair(text: string, map: YAMLMap<unknown, unknown>, pair: Pair<Scalar, Node | null>, path: Path): string {
  if (map.items.length === 1 && path.length > 1) return deleteIn(text, path.slice(0, -1));
  const keyStart = pair.key.range![0];
  const from = commentStart(text, lineStart(text, keyStart), keyStart - lineStart(text, keyStart));
  const to = lineEnd(text, endOf(pair) - 1);
  // The blank line that set the pair apart goes with it when nothing follows it, or another blank line does.
  const blankBefore = from >= 2 && text[from - 2] === "\n";
  const blankAfter = to >= text.length || text[to] === "\n";
  return cutLines(text, blankBefore && blankAfter ? from - 1 : from, to);
}

function appendBlockItem(text: string, seq: YAMLSeq<unknown>, item: Value): string {
  const first = seq.range![0];
  const indent = first - lineStart(text, first);
  const last = seq.items.at(-1) as Node;
  const at = lineEnd(text, last.range![1] - 1);
  return splice(text, at, at, `${at > text.length ? "\n" : ""}${renderItems([item], indent)}`);
}

/** Where a pair's text ends: its value's end, or its key's for `key:` alone. */
function endOf(pair: Pair<Scalar, Node | null>): number {
  const value = pair.value;
  return value?.range && value.range[1] > pair.key.range![1] ? value.range[1] : pair.key.range![1];
}

// --- text by lines ---

function splice(text: string, from: number, to: number, insert: string): string {
  return text.slice(0, from) + insert + text.slice(to);
}

/** Replaces whole lines [from, to) (offsets at line starts). */
function cutLines(text: string, from: number, to: number, insert = ""): string {
  return text.slice(0, from) + insert + text.slice(Math.min(to, text.length));
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** The offset after the newline ending the line that holds `offset` (text.length + 1 at the end). */
function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf("\n", Math.max(0, offset));
  return newline === -1 ? text.length + 1 : newline + 1;
}

/** The start of the comment lines directly above `start` at the same indentation: they belong to the key below. */
function commentStart(text: string, start: number, indent: number): number {
  let at = start;
  while (at > 0) {
    const prev = lineStart(text, at - 1);
    const line = text.slice(prev, at - 1);
    if (!/^\s*#/.test(line) || line.length - line.trimStart().length !== indent) break;
    at = prev;
  }
  return at;
}

function precededByBlank(text: string, at: number): boolean {
  return at >= 2 && text[at - 1] === "\n" && text[at - 2] === "\n";
}

export { renderScalar };

/** The style of the last value in the map at `path`: how the next sibling is best written. */
export function lastValueStyle(text: string, path: Path): "block" | "flow" | undefined {
  const node = parse(text).getIn(path, true);
  if (!isMap(node)) return undefined;
  const last = node.items.at(-1)?.value;
  if (isMap(last) || isSeq(last)) return last.flow ? "flow" : "block";
  return undefined;
}

/** The lines (1-based, inclusive) the node at `path` spans, key included; undefined when absent. */
export function linesOf(text: string, path: Path): { readonly from: number; readonly to: number } | undefined {
  const doc = parse(text);
  const parentNode = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  const last = path.at(-1);
  let start: number | undefined;
  let end: number | undefined;
  if (isMap(parentNode) && last !== undefined) {
    const pair = pairOf(parentNode, last);
    if (pair) [start, end] = [pair.key.range![0], endOf(pair)];
  } else if (isSeq(parentNode) && typeof last === "number") {
    const item = parentNode.items[last] as Node | undefined;
    if (item?.range) [start, end] = [item.range[0], item.range[1]];
  }
  if (start === undefined || end === undefined) return undefined;
  const line = (offset: number) => text.slice(0, offset).split("\n").length;
  return { from: line(start), to: line(Math.max(start, end - 1)) };
}

/**
 * Puts the keys of the map at `path` in `order` (every key once). Each key moves with its value and
 * the comment lines above it; the blank lines between keys stay where they were.
 *
 * @example reorderKeys("a: 1\n# b's\nb: 2\n", [], ["b", "a"]) // "# b's\nb: 2\na: 1\n"
 */
export function reorderKeys(text: string, path: Path, order: readonly string[]): string {
  const closed = text.endsWith("\n") ? text : `${text}\n`;
  const doc = parse(closed);
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!isMap(node)) throw new YamlEditError(`${path.join(".") || "the file"} is not a map`);
  const keys = node.items.map((p) => String((p.key as Scalar).value));
  if (order.length !== keys.length || new Set(order).size !== order.length || !order.every((k) => keys.includes(k))) {
    throw new YamlEditError(`the new order must name each of ${keys.join(", ")} once`);
  }
  const out = node.flow ? reorderFlow(closed, node, order) : reorderBlock(closed, node, order, keys);
  return text.endsWith("\n") ? out : out.slice(0, -1);
}

function reorderFlow(text: string, node: YAMLMap<unknown, unknown>, order: readonly string[]): string {
  const value = toValue(node, text) as Record<string, Value>;
  const [start, end] = node.range!;
  return text.slice(0, start) + renderFlow(Object.fromEntries(order.map((k) => [k, value[k]!]))) + text.slice(end);
}

function reorderBlock(text: string, node: YAMLMap<unknown, unknown>, order: readonly string[], keys: readonly string[]): string {
  const pairs = node.items as Pair<Scalar, Node | null>[];
  const spans = pairs.map((pair) => {
    const keyStart = pair.key.range![0];
    const indent = keyStart - lineStart(text, keyStart);
    return [commentStart(text, lineStart(text, keyStart), indent), lineEnd(text, endOf(pair) - 1)] as const;
  });
  const chunk = (key: string) => {
    const [from, to] = spans[keys.indexOf(key)]!;
    return text.slice(from, to);
  };
  let out = text.slice(0, spans[0]![0]);
  order.forEach((key, i) => {
    out += chunk(key);
    if (i + 1 < spans.length) out += text.slice(spans[i]![1], spans[i + 1]![0]);
  });
  return out + text.slice(spans.at(-1)![1]);
}
