/**
 * "Did you mean" for mistyped commands, options and values, in the CLI's message style.
 * The matching itself is the compiler's, so the CLI and diagnostics suggest alike.
 */
import { closest } from "../compiler/diagnostics/suggest.ts";

export { closest };

/**
 * A ` (did you mean X?)` suffix, or "" when nothing is close.
 *
 * @example
 *   didYouMean("chek", ["check", "compile"]); // " (did you mean check?)"
 */
export function didYouMean(given: string, choices: readonly string[], render = (c: string) => c): string {
  const match = closest(given, choices);
  return match === undefined ? "" : ` (did you mean ${render(match)}?)`;
}
