/**
 * ANSI styling for human output, and the rule for when to use it.
 */
import type { Out } from "../io.ts";

/**
 * True when output to `out` should be coloured: FORCE_COLOR (other than 0/false) forces it,
 * otherwise only a terminal gets colour, and never with NO_COLOR set (https://no-color.org).
 *
 * @example
 * useColor(io.stdout, io.env); // false when piped
 */
export function useColor(out: Out, env: Readonly<Record<string, string | undefined>>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  if (env.NO_COLOR) return false;
  return out.isTTY;
}

export interface Styles {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly green: (text: string) => string;
  readonly cyan: (text: string) => string;
  readonly blue: (text: string) => string;
}

/**
 * Style functions that add ANSI codes, or return the text unchanged when `color` is false.
 *
 * @example
 * const s = styles(true);
 * s.red("error"); // "\x1b[31merror\x1b[39m"
 */
export function styles(color: boolean): Styles {
  const wrap = (open: number, close: number) => (text: string) => (color ? `\x1b[${open}m${text}\x1b[${close}m` : text);
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
    cyan: wrap(36, 39),
    blue: wrap(34, 39),
  };
}
