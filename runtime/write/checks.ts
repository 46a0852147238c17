/**
 * Policies, guards and rules, decided in SQL on the row inside the write's transaction (the
 * expression lowering), so what they read across relations is what this transaction sees.
 */
import { analyzeExpression } from "../../compiler/generators/sql/expr/index.ts";
import type { IREntity, IRExpression } from "../../compiler/ir/index.ts";
import { ident, SqlBuilder, type LowerContext } from "../records/sql-builder.ts";
import { unprocessable, type ProblemItem } from "../server/errors.ts";
import { rowCondition } from "./rows.ts";
import type { WriteSession } from "./session.ts";

/** Extra context of an action's `allow`: its name (for the types of `input`) and the input. */
export interface ActionScope {
  readonly action: string;
  readonly input: Readonly<Record<string, unknown>>;
}

/**
 * Whether every expression holds for the record `id` (or, with no id, for no record: only
 * expressions that do not read `record` can be decided so; one that does is false). No
 * expressions at all is false: deny by default.
 *
 * @example await holds(s, invoice, [invoice.policies.delete], id); // "$isAdmin && record.status == 'draft'"
 */
export async function holds(s: WriteSession, entity: IREntity, expressions: readonly (IRExpression | undefined)[], id: string | undefined, scope?: ActionScope): Promise<boolean> {
  const present = expressions.filter((e): e is IRExpression => e !== undefined);
  if (present.length === 0) return false;
  if (id === undefined && present.some((e) => readsRecord(s, entity, e))) return false;
  const q = new SqlBuilder();
  const ctx = lowerContext(s, entity, scope);
  const condition = present.map((e) => `coalesce((${q.condition(e.ast, ctx)}), false)`).join(" and ");
  const from = id === undefined ? "" : ` from ${ident(entity.table)} ${ident("t0")} where ${rowCondition(q, s, entity, id)}`;
  const { rows } = await s.trx.executeQuery<{ ok: boolean }>(q.compile(`select (${condition}) as ok${from}`));
  return rows[0]?.ok === true;
}

/** Whether an expression reads the record (its columns or its relations). */
export function readsRecord(s: WriteSession, entity: IREntity, expression: IRExpression): boolean {
  const analysis = analyzeExpression(expression.ast, { ir: s.ctx.ir, entity: entity.name });
  return analysis.columns.length > 0 || analysis.relations.length > 0;
}

/**
 * Checks every rule of the entity on the record as written; a 422 with each broken rule's
 * message at its field (`/due`, or `/` for the record as a whole). A rule whose check is not
 * true (false, or unknown) while its `when` holds is broken.
 *
 * @example await checkRules(s, invoice, id); // 422 "The due date cannot be before the issue date."
 */
export async function checkRules(s: WriteSession, entity: IREntity, id: string): Promise<void> {
  if (entity.rules.length === 0) return;
  const q = new SqlBuilder();
  const ctx = lowerContext(s, entity);
  const items = entity.rules.map((rule, i) => {
    const check = `coalesce((${q.condition(rule.check.ast, ctx)}), false)`;
    const test = rule.when ? `case when (${q.condition(rule.when.ast, ctx)}) then ${check} else true end` : check;
    return `(${test}) as ${ident(`r${i}`)}`;
  });
  const text = `select ${items.join(", ")} from ${ident(entity.table)} ${ident("t0")} where ${rowCondition(q, s, entity, id)}`;
  const { rows } = await s.trx.executeQuery<Record<string, boolean>>(q.compile(text));
  const row = rows[0] ?? {};
  const broken = entity.rules.filter((_, i) => row[`r${i}`] !== true);
  if (broken.length === 0) return;
  const errors: ProblemItem[] = broken.map((rule) => ({ path: rule.field ? `/${rule.field}` : "/", message: rule.message, code: "rule" }));
  throw unprocessable(broken.map((r) => r.message).join(" "), errors);
}

/** The lowering context on row `t0`, with the request's `user` and `tenant` (and an action's input). */
export function lowerContext(s: WriteSession, entity: IREntity, scope?: ActionScope): LowerContext {
  const base = { ir: s.ctx.ir, entity: entity.name, row: "t0", mode: "parameters" as const };
  if (!scope) return { ...base, variables: s.variables };
  return { ...base, action: scope.action, variables: { ...s.variables, input: scope.input } };
}
