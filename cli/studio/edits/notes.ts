/**
 * What an edit could not follow by itself: expressions that still name a renamed or removed
 * element. Expressions are code; the Studio does not rewrite them, it points at them (the compiler
 * then reports the ones that no longer check).
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit } from "yaml";
import type { Draft } from "./draft.ts";

/** Something the edit left for the user, with where it is. */
export interface EditNote {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** Keys whose values are expressions, wherever they appear. */
const EXPRESSION_KEYS = new Set(["computed", "expr", "guard", "allow", "check", "when", "where", "read", "write", "create", "update", "delete"]);
/** Maps whose every value is an expression: shared rules, `set` effects, transition and action policies. */
const EXPRESSION_MAPS = new Set(["rules", "set", "transitions", "actions"]);

/**
 * The expressions in `files` that mention `word` as a name (not inside quotes), each as a note.
 *
 * @example expressionNotes(draft, draft.entityFiles(), "number", (e) => `${e} still names number`);
 */
export function expressionNotes(draft: Draft, files: readonly string[], word: string, message: (expression: string) => string): EditNote[] {
  const pattern = new RegExp(`(?<![\\w$'"])${word.replace(/[$]/g, "\\$")}(?![\\w'"])`);
  const notes: EditNote[] = [];
  for (const file of files) {
    const text = draft.read(file);
    if (text === undefined) continue;
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, logLevel: "silent" });
    visit(doc, {
      Scalar(_, node, path) {
        if (typeof node.value !== "string" || !node.range || !isExpression(node, path)) return;
        if (!pattern.test(node.value.replace(/'[^']*'/g, "''"))) return;
        const at = lines.linePos(node.range[0]);
        notes.push({ file, line: at.line, column: at.col, message: message(node.value) });
      },
    });
  }
  return notes;
}

/** True when the scalar at the end of `path` is an expression value. */
function isExpression(node: unknown, path: readonly unknown[]): boolean {
  const pair = path.at(-1);
  if (!isPair(pair) || !isScalar(pair.key) || pair.value !== node) return false;
  if (EXPRESSION_KEYS.has(String(pair.key.value))) return true;
  const owner = path.at(-3);
  return isPair(owner) && isScalar(owner.key) && EXPRESSION_MAPS.has(String(owner.key.value)) && (isMap(path.at(-2)) || isSeq(path.at(-2)));
}
