import { reportUnknownEntity } from "./unknown-entity.ts";
import { suggestion } from "../diagnostics/suggest.ts";
import { locate } from "../load/locate.ts";
import type { SourceFile } from "../load/source-file.ts";
import { checkExpressionAt } from "./check-expression.ts";
import { queryAllowEnv, queryEnv, type CheckContext } from "./context.ts";
import { fieldType, shapeOf } from "./member-types.ts";
import type { FieldSpecLike } from "./model.ts";
import { checkFieldPath } from "./paths.ts";
import { parseColumn } from "./query-columns.ts";
import { queryShape, type QueryShape } from "./query-shape.ts";

const NUMERIC = new Set(["int", "decimal", "money"]);
const ORDERED = new Set(["int", "decimal", "money", "date", "datetime", "string", "text", "email", "url", "slug", "enum", "state"]);

/**
 * Checks saved queries: the entity they read (WV301), the paths of their columns, group keys and
 * sort (WV302), aggregates and buckets on fields they fit (WV330), plain columns of a grouped
 * query (WV331), columns named by `having` and `sort` (WV332), params named by `having` (WV333),
 * duplicate column names (WV300), parameter defaults, and their `where` and `allow` expressions.
 *
 * @example
 *   checkQueries(ctx);
 */
export function checkQueries(ctx: CheckContext): void {
  for (const [name, { file, spec }] of ctx.model.queries) {
    const from = String(spec.from);
    const params = (spec.params ?? {}) as Record<string, FieldSpecLike>;
    ctx.shapes.set(`${name}.params`, shapeOf(ctx.model, name, params));
    if (spec.allow !== undefined) checkExpressionAt(ctx, file, ["allow"], queryAllowEnv(name));
    if (!ctx.model.entities.has(from)) {
      reportUnknownEntity(ctx, locate(file, ["from"]), from);
      continue;
    }
    const shape = queryShape(ctx.model, from, spec);
    checkColumns(ctx, file, from, spec, shape);
    checkSort(ctx, file, from, spec, shape);
    checkHaving(ctx, file, spec, shape, Object.keys(params));
    if (spec.where !== undefined) checkExpressionAt(ctx, file, ["where"], queryEnv(name, from));
    for (const [param, field] of Object.entries(params)) {
      const fallback = field.default as { expr?: string } | undefined;
      if (fallback?.expr !== undefined) checkExpressionAt(ctx, file, ["params", param, "default", "expr"], queryAllowEnv(name), fieldType(ctx.model, name, param, field));
    }
  }
}

function checkColumns(ctx: CheckContext, file: SourceFile, from: string, spec: Record<string, unknown>, shape: QueryShape): void {
  ((spec.groupBy ?? []) as string[]).forEach((text, i) => {
    const parsed = parseColumn(text);
    if (parsed && "field" in parsed.operand) checkOperand(ctx, file, ["groupBy", i], from, parsed.operand);
  });
  const groupKeys = new Set(shape.groupBy.map((g) => JSON.stringify(g)));
  const names = new Map<string, number>();
  for (const column of shape.columns) {
    if (column.index === undefined) continue;
    const at = ["select", column.index];
    if (!checkOperand(ctx, file, at, from, column.value)) continue;
    const plain = !("agg" in column.value);
    if (shape.grouped && plain && !groupKeys.has(JSON.stringify(column.value))) {
      ctx.reporter.report("WV331", locate(file, at), `\`${(spec.select as string[])[column.index]}\` is neither grouped nor aggregated`, `add it to groupBy, or aggregate it, e.g. \`count(${"field" in column.value ? column.value.field : ""})\``);
    }
    const first = names.get(column.name);
    if (first !== undefined) ctx.reporter.report("WV300", locate(file, at), `column \`${column.name}\` is already defined by select[${first}]`, `give one an alias: \`… as other${column.name.charAt(0).toUpperCase()}${column.name.slice(1)}\``);
    else names.set(column.name, column.index);
  }
}

/** A column's path exists, and its aggregate or bucket fits the field's type. Returns whether it is fine. */
function checkOperand(ctx: CheckContext, file: SourceFile, at: (string | number)[], from: string, operand: ReturnType<typeof parseColumn> extends infer P ? (P extends { operand: infer O } ? O : never) : never): boolean {
  if (!("field" in operand) || operand.field === undefined) return true;
  const field = checkFieldPath(ctx, file, at, from, operand.field);
  if (!field) return false;
  const type = field === "system" ? (operand.field.endsWith("At") ? "datetime" : "uuid") : field.type;
  if ("agg" in operand && (operand.agg === "sum" || operand.agg === "avg") && !NUMERIC.has(type)) {
    ctx.reporter.report("WV330", locate(file, at), `${operand.agg} needs a number, but \`${operand.field}\` is ${type}`, "sum and avg take int, decimal and money fields; count takes any field");
    return false;
  }
  if ("agg" in operand && (operand.agg === "min" || operand.agg === "max") && !ORDERED.has(type)) {
    ctx.reporter.report("WV330", locate(file, at), `${operand.agg} needs a value that orders, but \`${operand.field}\` is ${type}`, "min and max take numbers, dates and text");
    return false;
  }
  if ("bucket" in operand && type !== "date" && type !== "datetime") {
    ctx.reporter.report("WV330", locate(file, at), `a ${operand.bucket} bucket needs a date or datetime, but \`${operand.field}\` is ${type}`, "bucket a date or datetime field, e.g. `month(issued)`");
    return false;
  }
  return true;
}

/** Sort keys name an output column, else a field path (which a grouped query must group by). */
function checkSort(ctx: CheckContext, file: SourceFile, from: string, spec: Record<string, unknown>, shape: QueryShape): void {
  const columns = new Set(shape.columns.map((c) => c.name));
  ((spec.sort ?? []) as string[]).forEach((key, i) => {
    const name = key.replace(/^-/, "");
    if (columns.has(name)) return;
    if (shape.grouped) {
      ctx.reporter.report("WV332", locate(file, ["sort", i]), `the query has no column \`${name}\` to sort by`, suggestion(name, [...columns]) ?? `sort by one of its columns: ${[...columns].join(", ")}`);
      return;
    }
    checkFieldPath(ctx, file, ["sort", i], from, name);
  });
}

function checkHaving(ctx: CheckContext, file: SourceFile, spec: Record<string, unknown>, shape: QueryShape, params: readonly string[]): void {
  const columns = shape.columns.map((c) => c.name);
  ((spec.having ?? []) as { column: string; value: unknown }[]).forEach((condition, i) => {
    if (!columns.includes(condition.column)) {
      ctx.reporter.report("WV332", locate(file, ["having", i, "column"]), `the query has no column \`${condition.column}\``, suggestion(condition.column, columns) ?? `one of: ${columns.join(", ")}`);
    }
    const param = (condition.value as { param?: string } | null)?.param;
    if (typeof param === "string" && !params.includes(param)) {
      ctx.reporter.report("WV333", locate(file, ["having", i, "value", "param"]), `the query has no parameter \`${param}\``, suggestion(param, params) ?? "declare it under `params`");
    }
  });
}
