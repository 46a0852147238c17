/**
 * Related rows as a caller may see them (`SqlContext.visibleRows`): a value shown to a caller, such as
 * a virtual computed field `sum(lines.total)`, must not count, or read, related rows the caller may not
 * read. Each related row the expression reaches (a relation's rows, a looked-up record) then carries its
 * entity's `read` policy and, for a tenant entity, the caller's tenant. Those policies are lowered
 * without the filter: a policy decides over every row, as it does everywhere else.
 */
import type { Expr } from "../../../ir/index.ts";
import type { State } from "./context.ts";
import { conditionOf } from "./convert.ts";
import { columnSql } from "./context.ts";
import { join, raw, sql, type Sql } from "./sql.ts";
import { variableMember } from "./variables.ts";
import { scalar, type EntityIR, type Scalar } from "./values.ts";

/** How related rows are filtered for the caller. */
export interface VisibleRows {
  /**
   * The caller's answer to an entity's read policy when it does not depend on the row: true (no
   * condition), false (no row is visible); undefined to decide it in SQL, on each row.
   */
  readonly decide?: (entity: string) => boolean | undefined;
}

/**
 * The condition a row `alias` of `entity` must meet to be read, or undefined when every row may be
 * (no filter in this lowering, or a policy decided true for a non-tenant entity).
 *
 * @example visibleCondition(state, invoiceLine, "t1") // ("t1"."tenant_id" = $1::uuid) and ("t1"."owner" = $2::uuid)
 */
export function visibleCondition(state: State, entity: EntityIR, alias: string): Sql | undefined {
  const rows = state.visibleRows;
  if (!rows) return undefined;
  const decided = rows.decide?.(entity.name);
  if (decided === false || !entity.policies.read) return raw("false"); // deny by default
  const parts: Sql[] = [];
  if (entity.tenant) parts.push(sql`${columnSql(alias, "tenant_id")} = ${tenantId(state).sql}`);
  if (decided !== true) parts.push(readPolicy(state, entity, alias));
  return parts.length === 0 ? undefined : join(parts.map((p) => sql`(${p})`), " and ");
}

function tenantId(state: State): Scalar {
  const value = variableMember(state, { record: { kind: "literal", value: null, decimal: false }, locals: new Map(), variables: true, inlining: [] }, "tenant", "id");
  return value.kind === "scalar" ? value : scalar(raw("NULL::uuid"), { kind: "uuid" }, "value");
}

/** The entity's read policy on row `alias`, lowered over every row (no caller filter inside it). */
function readPolicy(state: State, entity: EntityIR, alias: string): Sql {
  const saved = state.visibleRows;
  state.visibleRows = undefined;
  try {
    const record = { kind: "row" as const, entity, alias };
    const value = state.lower(entity.policies.read!.ast as Expr, { record, locals: new Map(), variables: true, inlining: [] });
    return conditionOf(state, value).sql;
  } finally {
    state.visibleRows = saved;
  }
}
