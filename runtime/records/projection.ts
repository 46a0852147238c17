/**
 * The SELECT list of a record: every stored column aliased to its field name, virtual computed
 * fields as SQL (the expression lowering, on the same row alias), polymorphic refs as type + id.
 */
import { analyzeExpression, type ExprAst as IRExpressionAst, type VisibleRows } from "../../compiler/generators/sql/expr/index.ts";
import type { IR, IREntity } from "../../compiler/ir/index.ts";
import { type LoweredCache, lowered } from "./lowered-cache.ts";
import type { RequestContext } from "../server/context.ts";
import { fieldAccess, fieldReadCondition, hasFieldReadPolicies, readMarker } from "../policy/field-policies.ts";
import { decideForIdentity } from "../policy/decide.ts";
import { policyVariables } from "./access.ts";
import { entityNamed, recordFields, type RecordField } from "./record-fields.ts";
import { columnOf, ident, type SqlBuilder } from "./sql-builder.ts";

/** The alias of a polymorphic ref's type column, and of a money field's currency column. */
export const typeAlias = (name: string) => `${name}__type`;
export const currencyAlias = (name: string) => `${name}__currency`;

/**
 * The SQL of a field's value on row `alias`: its column, or its computed expression. Virtual
 * decimals and money are cast to their precision and scale, so they read (and sort, and filter)
 * exactly as a stored column of that field would.
 *
 * @example fieldValueSql(q, ctx, invoice, recordField(ir, invoice, "tax")!, "t0")
 * // '(round((("t0"."subtotal" * "t0"."tax_rate") / NULLIF($1::int, 0)), $2::int))::numeric(18,2)'
 */
export function fieldValueSql(q: SqlBuilder, ctx: Pick<RequestContext, "ir" | "identity">, entity: IREntity, field: RecordField, alias: string): string {
  if (field.source !== "virtual") return columnOf(alias, field.column);
  const { computed, type, precision, scale } = field.field;
  const sql = q.expression(computed!.ast, { ir: ctx.ir, entity: entity.name, row: alias, mode: "parameters", variables: policyVariables(ctx.identity), visibleRows: visibleRowsFor(ctx) });
  return type === "decimal" || type === "money" ? `(${sql})::numeric(${precision ?? 18},${scale ?? 2})` : sql;
}

/**
 * Related rows as the caller may read them, for values shown to the caller: `sum(lines.total)` counts
 * only the lines they may read. A read policy that does not read the row is decided here, once.
 */
export function visibleRowsFor(ctx: Pick<RequestContext, "ir" | "identity">): VisibleRows {
  return { decide: (name) => { const target = entityNamed(ctx.ir, name); return decideForIdentity(ctx.ir, target, target.policies.read, ctx.identity); } };
}

/** Full select lists already lowered, by alias and parameter offset: the same for every request. */
const listCache = new WeakMap<IREntity, LoweredCache<string>>();
const readsOf = new WeakMap<IREntity, readonly string[] | "never">();

export interface SelectOptions {
  /**
   * Select fields the caller may not read too, with their markers (the write side: hooks, the
   * audit and the state check read the whole row; `recordJson` then records which to drop).
   */
  readonly unmasked?: boolean;
}

/**
 * The select list of a record on row `alias`: `"t0"."number" AS "number", ...`. With `only`, just
 * those fields (sparse fieldsets); the id is always there. A field with a read policy the caller
 * fails is left out; one whose policy reads the row is `CASE WHEN <policy> THEN <value> END` plus
 * a marker column (`email__read`) that `recordJson` drops the key by.
 */
export function selectList(q: SqlBuilder, ctx: Pick<RequestContext, "ir" | "identity">, entity: IREntity, alias: string, only?: ReadonlySet<string>, options: SelectOptions = {}): string {
  const variant = only || options.unmasked || hasFieldReadPolicies(ctx.ir, entity) ? undefined : cacheVariant(ctx, entity);
  if (variant === undefined) return buildList(q, ctx, entity, alias, only, options);
  // Lowering the virtual fields is most of the cost of a small read: do it once per offset and variant.
  let cache = listCache.get(entity);
  if (!cache) listCache.set(entity, (cache = new Map()));
  return lowered(cache, `${alias}|${q.parameters.length}|${variant}`, q, () => buildList(q, ctx, entity, alias, undefined, {}));
}


/**
 * What makes the select list differ between callers, as a cache key; undefined when it cannot be
 * shared. Virtual fields that read `user`/`tenant` are never shared. Those that read related rows
 * filter them by the related entities' read policies and the caller's tenant (visible.ts): they
 * are shared between callers in the same tenant whose policies are decided the same way without
 * looking at the row, and not at all when a policy has to be decided on each row.
 */
function cacheVariant(ctx: Pick<RequestContext, "ir" | "identity">, entity: IREntity): string | undefined {
  const read = sharedReads(ctx.ir, entity);
  if (read === "never") return undefined;
  if (read.length === 0) return "";
  const rows = visibleRowsFor(ctx);
  let decisions = "";
  for (const name of read) {
    const decided = rows.decide?.(name);
    if (decided === undefined) return undefined;
    decisions += decided ? "1" : "0";
  }
  return `${ctx.identity.tenantId ?? "-"}|${decisions}`;
}

/** The entities whose rows the virtual fields read, or "never" when they read context variables. */
function sharedReads(ir: IR, entity: IREntity): readonly string[] | "never" {
  let result = readsOf.get(entity);
  if (result === undefined) {
    const entities = new Set<string>();
    let variables = false;
    for (const field of entity.fields) {
      if (field.storage !== "virtual" || !field.computed) continue;
      const analysis = analyzeExpression(field.computed.ast, { ir, entity: entity.name });
      if (analysis.variables.length > 0) variables = true;
      for (const path of analysis.relations) for (const step of path.steps) entities.add(step.target);
    }
    result = variables ? "never" : [...entities].sort();
    readsOf.set(entity, result);
  }
  return result;
}

function buildList(q: SqlBuilder, ctx: Pick<RequestContext, "ir" | "identity">, entity: IREntity, alias: string, only: ReadonlySet<string> | undefined, options: SelectOptions): string {
  const items: string[] = [];
  for (const field of recordFields(ctx.ir, entity)) {
    if (only && !only.has(field.name) && field.name !== "id") continue;
    const access = fieldAccess(ctx.ir, entity, field.name, ctx.identity);
    if (access === "hidden" && !options.unmasked) continue;
    // Lowered once per field: the marker column, then each value guarded by it.
    let guard = (sql: string) => sql;
    if (access === "hidden") items.push(`false as ${ident(readMarker(field.name))}`);
    if (access === "row") {
      const condition = fieldReadCondition(q, ctx, entity, field.name, alias)!;
      items.push(`${condition} as ${ident(readMarker(field.name))}`);
      if (!options.unmasked) guard = (sql) => `case when ${condition} then ${sql} end`;
    }
    items.push(`${guard(fieldValueSql(q, ctx, entity, field, alias))} as ${ident(field.name)}`);
    if (field.source === "polymorphic") items.push(`${guard(columnOf(alias, field.typeColumn))} as ${ident(typeAlias(field.name))}`);
    if (field.source === "column" && field.currencyColumn) items.push(`${guard(columnOf(alias, field.currencyColumn))} as ${ident(currencyAlias(field.name))}`);
  }
  return items.join(", ");
}
