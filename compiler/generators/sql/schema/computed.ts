import type { IREntity, IRField } from "../../../ir/index.ts";
import type { DbTrigger } from "./db-schema.ts";
import { quoteIdent } from "./quote.ts";
import type { Dependency, SchemaContext } from "./sql-of.ts";

/**
 * Materialized computed fields that cannot be generated columns (they read other rows, or the
 * clock) are kept correct by triggers, so they hold even for writes that bypass the API: a
 * BEFORE trigger on the entity's table recomputes them on every insert and update, and an
 * AFTER trigger on each table the expression reads one relation away (child rows through a
 * many relation, the row a ref points at, a join table) touches the rows that read it.
 *
 * @example
 *   maintainedFields(ctx, invoice, generated);        // [subtotal, paidAmount]
 *   computeTrigger(ctx, invoice, fields)?.functionBody; // 'BEGIN\n  NEW."subtotal" := (SELECT ...);\n  RETURN NEW;\nEND'
 */
export function maintainedFields(entity: IREntity, generated: ReadonlySet<string>): IRField[] {
  return entity.fields.filter((f) => f.computed && f.materialized && f.column && !generated.has(f.column));
}

/** The BEFORE INSERT OR UPDATE trigger recomputing every maintained field, in dependency order. */
export function computeTrigger(ctx: SchemaContext, entity: IREntity, fields: readonly IRField[]): DbTrigger | undefined {
  if (fields.length === 0) return undefined;
  const sqlOf = new Map(fields.map((f) => [f, ctx.sql.value(f.computed!, entity, "NEW")]));
  const assignments = dependencyOrder(fields, sqlOf).map((f) => `  NEW.${quoteIdent(f.column!)} := ${sqlOf.get(f)};`);
  const functionBody = ["BEGIN", ...assignments, "  RETURN NEW;", "END"].join("\n");
  return { name: `weave_${entity.table}_compute`, functionBody, timing: "BEFORE", events: ["INSERT", "UPDATE"] };
}

/** For each table a maintained field reads, an AFTER trigger on it that touches the entity's rows reading the changed row. */
export function touchTriggers(ctx: SchemaContext, entity: IREntity, fields: readonly IRField[]): { table: string; trigger: DbTrigger }[] {
  if (fields.length === 0) return [];
  const touched = quoteIdent(fields[0]!.column!);
  const dependencies = new Map<string, Dependency>();
  for (const f of fields) for (const d of ctx.sql.dependencies(f.computed!, entity)) dependencies.set(`${d.table}.${d.childColumn}.${d.parentColumn}`, d);
  return [...dependencies.values()].sort((a, b) => (key(a) < key(b) ? -1 : 1)).map((d) => {
    const update = (row: string) => `UPDATE ${quoteIdent(entity.table)} SET ${touched} = ${touched} WHERE ${quoteIdent(d.parentColumn)} = ${row}.${quoteIdent(d.childColumn)};`;
    const functionBody = [
      "BEGIN",
      `  IF TG_OP <> 'INSERT' THEN ${update("OLD")} END IF;`,
      `  IF TG_OP <> 'DELETE' THEN ${update("NEW")} END IF;`,
      "  RETURN NULL;",
      "END",
    ].join("\n");
    const name = `weave_${d.table}_touch_${entity.table}`;
    return { table: d.table, trigger: { name, functionBody, timing: "AFTER", events: ["INSERT", "UPDATE", "DELETE"] } };
  });
}

function key(d: Dependency): string {
  return `${d.table}.${d.childColumn}.${d.parentColumn}`;
}

/** Fields that read another maintained field come after it. */
function dependencyOrder(fields: readonly IRField[], sqlOf: ReadonlyMap<IRField, string>): IRField[] {
  const pending = [...fields];
  const ordered: IRField[] = [];
  const reads = (f: IRField, g: IRField) => sqlOf.get(f)!.includes(`NEW.${quoteIdent(g.column!)}`);
  while (pending.length > 0) {
    // A cycle was refused by the checker (WV315); take the first rather than loop forever.
    const next = pending.find((f) => !pending.some((g) => g !== f && reads(f, g))) ?? pending[0]!;
    ordered.push(next);
    pending.splice(pending.indexOf(next), 1);
  }
  return ordered;
}
