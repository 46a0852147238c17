/**
 * SQL text under construction: a list of text pieces and parameters. Parameters are numbered only when the
 * whole fragment is rendered, so pieces compose in any order and placeholders come out as $1, $2... in the
 * order they appear in the text.
 */

/** A value bound as a placeholder, with the SQL type it is cast to (`$1::text`). */
export interface Param {
  readonly param: unknown;
  readonly cast: string;
}

export type Piece = string | Param;

/** SQL text with parameters, not yet numbered. */
export type Sql = readonly Piece[];

/** The rendered result: SQL text and the values of its placeholders, in order. */
export interface SqlFragment {
  readonly sql: string;
  readonly parameters: unknown[];
}

/**
 * Builds SQL from a template whose interpolations are SQL pieces (never plain strings: a value can only enter
 * the text through `raw`, `ident`, a literal renderer or a parameter).
 *
 * @example sql`(${a} + ${b})`
 */
export function sql(strings: TemplateStringsArray, ...parts: Sql[]): Sql {
  const out: Piece[] = [];
  strings.forEach((text, i) => {
    if (text) out.push(text);
    const part = parts[i];
    if (part) out.push(...part);
  });
  return out;
}

/** Trusted SQL text (keywords, operators, names already quoted). */
export const raw = (text: string): Sql => [text];

/** A placeholder for `value`, cast to `cast`. */
export const param = (value: unknown, cast: string): Sql => [{ param: value, cast }];

/** Joins pieces with a separator. */
export function join(items: readonly Sql[], separator: string): Sql {
  const out: Piece[] = [];
  items.forEach((item, i) => {
    if (i > 0) out.push(separator);
    out.push(...item);
  });
  return out;
}

/**
 * A double-quoted identifier, with `"` doubled.
 *
 * @example ident('invoice "lines"') // "invoice ""lines"""
 */
export function ident(name: string): Sql {
  if (name.includes("\0")) throw new Error(`identifier ${JSON.stringify(name)} contains a NUL character`);
  return [`"${name.replace(/"/g, '""')}"`];
}

/**
 * Renders SQL text, numbering placeholders from `offset + 1`.
 *
 * @example render(sql`${ident("t0")}.${ident("total")} > ${param(100, "int")}`) // { sql: '"t0"."total" > $1::int', parameters: [100] }
 */
export function render(s: Sql, offset = 0): SqlFragment {
  const parameters: unknown[] = [];
  let text = "";
  for (const piece of s) {
    if (typeof piece === "string") text += piece;
    else {
      parameters.push(piece.param);
      text += `$${offset + parameters.length}::${piece.cast}`;
    }
  }
  return { sql: text, parameters };
}
