/**
 * The lowering's inputs (SqlContext, public) and the state threaded through one lowering (private): the
 * alias counter, what the expression was found to read, and the node dispatch.
 */
import type { Expr, IR } from "../../../ir/index.ts";
import type { Mode } from "./literals.ts";
import { PathReads } from "./paths.ts";
import { ident, raw, sql, type Sql } from "./sql.ts";
import type { EntityIR, Value } from "./values.ts";
import type { VisibleRows } from "./visible.ts";

/**
 * Where and how an expression is lowered.
 *
 * @example
 * // A list filter: the row is the alias of the entity's table, values are parameters.
 * const ctx: SqlContext = { ir, entity: "Invoice", row: "t0", mode: "parameters" };
 * // A CHECK constraint or generated column: bare column names, literals inline.
 * const check: SqlContext = { ir, entity: "Invoice", mode: "inline" };
 * // A trigger body: the row is NEW.
 * const trigger: SqlContext = { ir, entity: "Invoice", row: "NEW", mode: "inline" };
 * // A saved query: params come from the request.
 * const query: SqlContext = { ir, entity: "Invoice", row: "t0", mode: "parameters", query: "byStatus",
 *   variables: { params: { status: "sent" } } };
 */
export interface SqlContext {
  /** The model: fields, columns, relations, storage. */
  readonly ir: IR;
  /** The entity `record` is. */
  readonly entity: string;
  /**
   * How the current row is written: a table alias such as `"t0"` (quoted as an identifier), or `NEW`/`OLD`
   * in trigger bodies (written as they are). Omitted: bare column names, as CHECK constraints, generated
   * columns and index predicates need; only row-local expressions can be lowered so (a subquery could not
   * tell the outer row's columns from its own).
   */
  readonly row?: string;
  /**
   * `inline`: literals are quoted SQL literals (DDL: CHECK, generated columns, index WHERE, trigger bodies).
   * `parameters`: literals and context values become `$1::type, $2::type...` placeholders, and nothing
   * from a value reaches the SQL text (`true`, `false` and `NULL` stay keywords).
   */
  readonly mode: Mode;
  /**
   * Values of context variables, by variable and member: `{ params: { status: "sent" }, user: { id, roles } }`.
   * A variable given here is read from these values (parameters, or literals in inline mode); `null` is a
   * variable that is null (no signed-in user). Without an entry, `user` and `tenant` read the transaction
   * settings (`app.user_id`, `app.user_roles`, `app.tenant_id`, `app.tenant_roles`, ...), and `params` and
   * `input` cannot be read.
   */
  readonly variables?: Readonly<Record<string, Readonly<Record<string, unknown>> | null>>;
  /** The saved query whose `params` the expression reads (their types come from the IR). */
  readonly query?: string;
  /** The action of `entity` whose `input` the expression reads. */
  readonly action?: string;
  /** Placeholders are numbered from `parameterOffset + 1` (default 0), to append to a statement's parameters. */
  readonly parameterOffset?: number;
  /**
   * Also inline materialized computed fields whose expression is row-local and immutable, instead of reading
   * their column: a generated column's expression needs it, since Postgres forbids one generated column to
   * read another.
   */
  readonly inlineGenerated?: boolean;
  /**
   * Read related rows as the caller may (a value shown to them, such as a virtual computed field): every
   * related row the expression reaches must pass its entity's `read` policy and be in the caller's tenant
   * (`tenant.id`); others are not there (an aggregate skips them, a lookup gives null). The policies
   * themselves are lowered without it. See visible.ts.
   */
  readonly visibleRows?: VisibleRows;
}

/** The bindings of names while lowering a node. */
export interface Env {
  /** What `record` is: the context row, or the row an inlined computed field belongs to. */
  readonly record: Value;
  /** Macro variables in scope. */
  readonly locals: ReadonlyMap<string, Value>;
  /** Whether `user`, `tenant`, `params`, `input` may be read (not inside an inlined computed field). */
  readonly variables: boolean;
  /** Computed fields being inlined, `Entity.field`, to stop a cycle. */
  readonly inlining: readonly string[];
  /** Inside a recursive policy's CTE: the depth of the record `record` is (SQL); absent at the top (0). */
  readonly depth?: Sql;
  /** Inside a recursive policy's CTE: its call back to itself (`Entity.op`) reads as `value`. */
  readonly hole?: { readonly key: string; readonly value: boolean };
  /** Recursive policies whose CTE is being lowered, to stop a cycle. */
  readonly expanding?: readonly string[];
}

/** What one lowering found the expression to read, for analyzeExpression. */
export interface Found {
  subquery: boolean;
  stable: boolean;
  readonly variables: Set<string>;
  readonly reads: PathReads;
}

export interface State {
  readonly ctx: SqlContext;
  readonly found: Found;
  /** Lowering only to analyse: missing values read as null instead of failing. */
  readonly analysis: boolean;
  aliases: number;
  /** The node dispatch, so helpers in other files can recurse. */
  readonly lower: (node: Expr, env: Env) => Value;
  /** Whether a materialized computed field is row-local and immutable (stored as a generated column). */
  readonly isGenerated: (entity: EntityIR, field: string) => boolean;
  /** The caller filter on related rows, while it applies (off inside the policies it lowers). */
  visibleRows: VisibleRows | undefined;
}

/** A new state for one lowering. */
export function newState(ctx: SqlContext, hooks: Pick<State, "lower" | "isGenerated">, analysis = false): State {
  const found: Found = { subquery: false, stable: false, variables: new Set(), reads: new PathReads() };
  return { ctx, found, analysis, aliases: 0, visibleRows: ctx.visibleRows, ...hooks };
}

/** A fresh table alias `t0`, `t1`, ... (never the context row's). */
export function newAlias(state: State): string {
  for (;;) {
    const alias = `t${state.aliases++}`;
    if (alias !== state.ctx.row) return alias;
  }
}

const TRIGGER_ROWS = /^(new|old)$/i;

/** A row alias as SQL: quoted, except NEW and OLD in trigger bodies. */
export const rowSql = (alias: string): Sql => (TRIGGER_ROWS.test(alias) ? raw(alias) : ident(alias));

/** A column of a row: `"t0"."total"`, `NEW."total"`, or bare `"total"`. */
export const columnSql = (alias: string | undefined, column: string): Sql =>
  alias === undefined ? ident(column) : sql`${rowSql(alias)}.${ident(column)}`;
