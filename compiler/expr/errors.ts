/**
 * The one error the evaluator throws: a value of the wrong kind at run time. A checked expression over data
 * of the declared types never raises it; it means the data did not match the model (e.g. a relation that
 * was not loaded) or a bug.
 */
import type { Span } from "../ir/index.ts";

export class ExpressionError extends Error {
  override readonly name = "ExpressionError";

  /** @param span where in the expression source it happened, when known */
  constructor(
    message: string,
    readonly span?: Span,
  ) {
    super(message);
  }
}
