import type { Expression } from "../ir/index.ts";
import { locate, type DocPath } from "../load/locate.ts";
import type { SourceFile } from "../load/source-file.ts";
import { expressionKey, type Model } from "../check/model.ts";
import type { Origin } from "../ir/index.ts";

/** Where one document is being lowered from: its file, for origins and checked expressions. */
export interface LowerSource {
  readonly model: Model;
  readonly file: SourceFile;
}

/** The origin of the element whose key is at `path`. */
export function originAt(src: LowerSource, path: DocPath): Origin {
  const place = locate(src.file, path, path.length === 0 ? "value" : "key");
  return { file: src.file.path, line: place.line, column: place.column };
}

/**
 * The checked expression at `path`. Lowering runs only on a model without errors, so every
 * expression the spec holds was checked; a missing one is a bug in weave, not in the spec.
 */
export function expressionAt(src: LowerSource, path: DocPath): Expression {
  const expression = src.model.expressions.get(expressionKey(src.file, path));
  if (!expression) throw new Error(`weave bug: no checked expression at ${src.file.path}#${path.join("/")}`);
  return expression;
}

/** The checked expression at `path` when the spec has one there. */
export function optionalExpressionAt(src: LowerSource, path: DocPath, written: unknown): Expression | undefined {
  return written === undefined ? undefined : expressionAt(src, path);
}
