import type { IREntity, IRField } from "../../../ir/index.ts";
import type { DbTrigger } from "./db-schema.ts";
import { quoteIdent } from "./quote.ts";
import type { SchemaContext } from "./sql-of.ts";

/**
 * Materialized computed fields that cannot be generated columns (they read other rows, time,
 * or another generated column) are kept correct by triggers, so they hold even for writes that
 * bypass the API: a BEFORE trigger on the entity's table recomputes them on every insert and
 * update, and an AFTER trigger on each child table the expression reads (through a many
 * relation) touches the parent rows whenever a child row changes.
 *
 * @example
 *   maintainedFields(ctx, invoice);              // [subtotal, paidAmount]
 *   computeTrigger(ctx, invoice)?.functionBody;  // 'BEGIN NEW."subtotal" := (select ...); RETURN NEW; END'
 */
export function maintainedFields(ctx: SchemaContext, entity: IREntity, generated: ReadonlySet<string>): IRField[] {
  return entity.fields.filter((f) => f.computed && f.materialized && f.column && !generated.has(f.column));
}

/** The BEFORE INSERT OR UPDATE trigger recomputing every maintained field, in dependency order. */
export function computeTrigger(ctx: SchemaContext, entity: IREntity, fields: readonly IRField[]): DbTrigger | undefined {
  if (fields.length === 0) return undefined;
  const assignments = dependencyOrder(ctx, entity, fields).map((f) => `  NEW.${quoteIdent(f.column!)} := ${ctx.sql.inline(f.computed!, entity, "NEW")};`);
  const functionBody = ["BEGIN", ...assignments, "  RETURN NEW;", "END"].join("\n");
  return { name: `weave_${entity.table}_compute`, functionBody, timing: "BEFORE", events: ["INSERT", "UPDATE"] };
}

/** For each child table read by a maintained field, an AFTER trigger that touches the parent rows. */
export function touchTriggers(ctx: SchemaContext, entity: IREntity, fields: readonly IRField[]): { table: string; trigger: DbTrigger }[] {
  if (fields.length === 0) return [];
  const touched = quoteIdent(fields[0]!.column!);
  const links = new Map<string, { table: string; column: string }>();
  for (const f of fields) for (const child of ctx.sql.children(f.computed!, entity)) links.set(`${child.table}.${child.column}`, child);
  return [...links.values()].sort((a, b) => (a.table + a.column < b.table + b.column ? -1 : 1)).map(({ table, column }) => {
    const update = (row: string) => `UPDATE ${quoteIdent(entity.table)} SET ${touched} = ${touched} WHERE "id" = ${row}.${quoteIdent(column)};`;
    const functionBody = [
      "BEGIN",
      `  IF TG_OP <> 'INSERT' THEN ${update("OLD")} END IF;`,
      `  IF TG_OP <> 'DELETE' THEN ${update("NEW")} END IF;`,
      "  RETURN NULL;",
      "END",
    ].join("\n");
    const name = `weave_${table}_${column}_touch`;
    return { table, trigger: { name, functionBody, timing: "AFTER", events: ["INSERT", "UPDATE", "DELETE"] } };
  });
}

/** Fields that read another maintained field come after it. */
function dependencyOrder(ctx: SchemaContext, entity: IREntity, fields: readonly IRField[]): IRField[] {
  const pending = [...fields];
  const ordered: IRField[] = [];
  while (pending.length > 0) {
    const ready = pending.find((f) => !pending.some((g) => g !== f && ctx.sql.inline(f.computed!, entity, "NEW").includes(`NEW.${quoteIdent(g.column!)}`)));
    const next = ready ?? pending[0]!; // a cycle was refused by the checker (WV315); keep going rather than loop
    ordered.push(next);
    pending.splice(pending.indexOf(next), 1);
  }
  return ordered;
}
