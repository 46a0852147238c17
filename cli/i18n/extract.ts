/**
 * Brings one locale file up to the model's message keys, keeping what is there: existing
 * translations, comments, order and formatting survive (the `yaml` document API edits in place).
 * Missing keys are appended with the model's text; in a locale other than the default they carry
 * an `# untranslated` comment so translators can find them.
 */
import { isMap, isScalar, parseDocument, type Document, type YAMLMap } from "yaml";
import type { MessageKey } from "../../compiler/generators/i18n/keys.ts";

export interface LocaleUpdate {
  /** The new file text, or undefined when nothing changed. */
  readonly text: string | undefined;
  readonly added: readonly string[];
  /** Keys in the file that the model does not use (other than `app.*` and `ui.*`). */
  readonly unused: readonly string[];
  readonly removed: readonly string[];
}

const OWN_PREFIXES = ["app.", "ui."];

/**
 * Updates a locale file's text (`undefined`: the file does not exist yet).
 *
 * @example updateLocale(undefined, keys, { isDefault: true, modeline }).text // "# yaml-language-server: …\nmessages:\n  entity.Customer.label: Customer\n…"
 */
export function updateLocale(source: string | undefined, keys: readonly MessageKey[], options: { isDefault: boolean; modeline: string; prune: boolean }): LocaleUpdate {
  const doc = parseDocument(source ?? `${options.modeline}\nmessages: {}\n`);
  const messages = messagesMap(doc);
  const present = new Set<string>();
  flatKeys(messages, "", present);
  const added: string[] = [];
  for (const { key, text } of keys) {
    if (present.has(key)) continue;
    const value = doc.createNode(text);
    if (!options.isDefault) value.comment = " untranslated";
    messages.items.splice(insertionPoint(messages, key), 0, doc.createPair(key, value) as never);
    added.push(key);
  }
  const wanted = new Set(keys.map((k) => k.key));
  const unused = [...present].filter((k) => !wanted.has(k) && !OWN_PREFIXES.some((p) => k.startsWith(p)));
  const removed = options.prune ? unused.filter((k) => messages.delete(k)) : [];
  if (messages.flow && messages.items.length > 0) messages.flow = false;
  const changed = added.length > 0 || removed.length > 0 || source === undefined;
  return { text: changed ? doc.toString({ lineWidth: 0 }) : undefined, added, unused: options.prune ? unused.filter((k) => !removed.includes(k)) : unused, removed };
}

/**
 * Where a new key reads best: after the last key that shares the longest dotted prefix with it
 * (`entity.Invoice.description` after the other `entity.Invoice.*` keys), else at the end.
 */
function insertionPoint(messages: YAMLMap, key: string): number {
  const parts = key.split(".");
  let best = { shared: 1, index: messages.items.length };
  messages.items.forEach((pair, index) => {
    const other = (isScalar(pair.key) ? String(pair.key.value) : String(pair.key)).split(".");
    let shared = 0;
    while (shared < parts.length - 1 && parts[shared] === other[shared]) shared++;
    if (shared >= best.shared) best = { shared, index: index + 1 };
  });
  return best.index;
}

function messagesMap(doc: Document): YAMLMap {
  let messages = doc.get("messages", true);
  if (!isMap(messages)) {
    messages = doc.createNode({});
    doc.set("messages", messages);
  }
  return messages as YAMLMap;
}

/** Keys as the compiler reads them: nested maps flattened with dots. */
function flatKeys(map: YAMLMap, prefix: string, into: Set<string>): void {
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const path = prefix ? `${prefix}.${key}` : key;
    if (isMap(pair.value)) flatKeys(pair.value, path, into);
    else into.add(path);
  }
}
