/**
 * SQL text built by hand, with its parameters: the one way request values reach a statement. Values
 * only enter through `param` (a `$n::type` placeholder); identifiers only through `ident`, and they
 * come from the IR, never from a request. Lowered expressions (policies, virtual computed fields)
 * join the same parameter list through `parameterOffset`.
 */
import { CompiledQuery } from "kysely";
import { lowerCondition, lowerExpression, type ExprAst, type SqlContext } from "../../compiler/generators/sql/expr/index.ts";

/** What a lowering needs besides the parameter offset, which the builder supplies. */
export type LowerContext = Omit<SqlContext, "parameterOffset">;

/**
 * Collects the parameters of one statement.
 *
 * @example
 *   const q = new SqlBuilder();
 *   const where = `${ident("t0")}.${ident("number")} = ${q.param("INV-1", "text")}`;
 *   q.compile(`select 1 from "invoices" "t0" where ${where}`); // parameters ["INV-1"]
 */
export class SqlBuilder {
  readonly parameters: unknown[] = [];

  /** A placeholder for `value`, cast to `cast` so both drivers know its type: `$3::date`. */
  param(value: unknown, cast: string): string {
    this.parameters.push(value);
    // postgres.js turns a timestamptz parameter into a JS Date, which drops microseconds: send text.
    const via = cast.startsWith("timestamptz") ? `::${cast.replace("timestamptz", "text")}` : "";
    return `$${this.parameters.length}${via}::${cast}`;
  }

  /** The value of an expression (lowerExpression in parameters mode), its parameters appended. */
  expression(ast: ExprAst, ctx: LowerContext): string {
    return this.#append(lowerExpression(ast, { ...ctx, mode: "parameters", parameterOffset: this.parameters.length }));
  }

  /** A condition (lowerCondition in parameters mode), its parameters appended. */
  condition(ast: ExprAst, ctx: LowerContext): string {
    return this.#append(lowerCondition(ast, { ...ctx, mode: "parameters", parameterOffset: this.parameters.length }));
  }

  /** The statement, ready for `executeQuery`. */
  compile(text: string): CompiledQuery {
    return CompiledQuery.raw(text, this.parameters);
  }

  #append(fragment: { sql: string; parameters: unknown[] }): string {
    this.parameters.push(...fragment.parameters);
    return fragment.sql;
  }
}

/**
 * A double-quoted identifier. Only names from the IR reach it.
 *
 * @example ident("invoice_lines") // '"invoice_lines"'
 */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `"t0"."due"`. */
export function columnOf(alias: string, column: string): string {
  return `${ident(alias)}.${ident(column)}`;
}

/** ANDs conditions, leaving out empty ones; `true` when none is left. */
export function and(conditions: readonly (string | undefined)[]): string {
  const present = conditions.filter((c): c is string => c !== undefined && c !== "");
  if (present.length === 0) return "true";
  return present.length === 1 ? present[0]! : present.map((c) => `(${c})`).join(" and ");
}
