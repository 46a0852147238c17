import { suggestion } from "../diagnostics/suggest.ts";
import { locate, type DocPath } from "../load/locate.ts";
import type { SourceFile } from "../load/source-file.ts";
import { checkExpressionAt } from "./check-expression.ts";
import { checkRelation } from "./check-relations.ts";
import { defaultEnv, recordEnv, type CheckContext } from "./context.ts";
import { enumValues, fieldType } from "./member-types.ts";
import type { FieldSpecLike } from "./model.ts";
import { checkFieldNames } from "./paths.ts";

const RELATIONS = new Set(["ref", "one", "many", "many-to-many"]);

/**
 * Checks every field of an entity: relations, state machines, computed and default expressions,
 * option conflicts (WV319), uniqueWithin and currencyField references.
 *
 * @example
 *   checkFields(ctx, file, "Invoice", spec.fields);
 */
export function checkFields(ctx: CheckContext, file: SourceFile, entity: string, fields: Readonly<Record<string, FieldSpecLike>>): void {
  for (const [name, field] of Object.entries(fields)) {
    const at: DocPath = ["fields", name];
    if (RELATIONS.has(field.type)) checkRelation(ctx, file, at, entity, name, field);
    if (field.type === "state") checkMachineRef(ctx, file, at, entity, field);
    checkOptionConflicts(ctx, file, at, field);
    if (field.computed) checkExpressionAt(ctx, file, [...at, "computed"], recordEnv(entity), fieldType(ctx.model, entity, name, field));
    if (field.backfill) checkExpressionAt(ctx, file, [...at, "backfill"], recordEnv(entity), fieldType(ctx.model, entity, name, field));
    checkDefault(ctx, file, at, entity, name, field);
    if (Array.isArray(field.uniqueWithin)) checkFieldNames(ctx, file, [...at, "uniqueWithin"], entity, field.uniqueWithin as string[], fields);
    if (field.currencyField) checkCurrencyField(ctx, file, at, entity, fields, String(field.currencyField));
  }
}

function checkMachineRef(ctx: CheckContext, file: SourceFile, at: DocPath, entity: string, field: FieldSpecLike): void {
  const machines = Object.keys((ctx.model.entities.get(entity)?.spec.states ?? {}) as object);
  const machine = String(field.machine);
  if (machines.includes(machine)) return;
  const hint = suggestion(machine, machines) ?? `add \`states: { ${machine}: { initial: ..., transitions: ... } }\``;
  ctx.reporter.report("WV306", locate(file, [...at, "machine"]), `unknown state machine \`${machine}\` on ${entity}`, hint);
}

function checkOptionConflicts(ctx: CheckContext, file: SourceFile, at: DocPath, field: FieldSpecLike): void {
  const conflict = (key: string, message: string, hint: string) => ctx.reporter.report("WV319", locate(file, [...at, key], "key"), message, hint);
  if (field.materialized && !field.computed) conflict("materialized", "`materialized` applies only to computed fields", "add `computed:` or remove `materialized`");
  if (!field.computed) return;
  if (field.default !== undefined) conflict("default", "a computed field cannot have a default", "remove `default`: the expression gives the value");
  if (field.required) conflict("required", "a computed field cannot be required: it is never written", "remove `required`");
  if (field.unique && !field.materialized) conflict("unique", "only a materialized computed field can be unique", "add `materialized: true` or remove `unique`");
}

function checkDefault(ctx: CheckContext, file: SourceFile, at: DocPath, entity: string, name: string, field: FieldSpecLike): void {
  const value = field.default;
  if (value === undefined || value === null) return;
  if (typeof value === "object" && "expr" in value) {
    checkExpressionAt(ctx, file, [...at, "default", "expr"], defaultEnv(), fieldType(ctx.model, entity, name, field));
    return;
  }
  if ((field.type === "enum") && !enumValues(field).includes(String(value))) {
    ctx.reporter.report("WV203", locate(file, [...at, "default"]), `default \`${String(value)}\` is not one of the values of ${entity}.${name}`, `allowed: ${enumValues(field).join(", ")}`);
  }
  const expected = LITERAL_TYPES[field.type];
  if (expected && !expected.test(value)) {
    ctx.reporter.report("WV202", locate(file, [...at, "default"]), `default of ${field.type} field ${entity}.${name} must be ${expected.what}`, `got ${JSON.stringify(value)}`);
  }
}

const isNumber = (v: unknown) => typeof v === "number" || (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v));
const LITERAL_TYPES: Record<string, { what: string; test: (v: unknown) => boolean }> = {
  int: { what: "a whole number", test: (v) => Number.isInteger(v) },
  decimal: { what: "a number", test: isNumber },
  money: { what: "an amount", test: isNumber },
  boolean: { what: "true or false", test: (v) => typeof v === "boolean" },
  date: { what: "a date like 2026-01-31", test: (v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) },
  string: { what: "a string", test: (v) => typeof v === "string" },
  text: { what: "a string", test: (v) => typeof v === "string" },
};

function checkCurrencyField(ctx: CheckContext, file: SourceFile, at: DocPath, entity: string, fields: Readonly<Record<string, FieldSpecLike>>, name: string): void {
  const target = fields[name];
  if (!target) {
    ctx.reporter.report("WV302", locate(file, [...at, "currencyField"]), `unknown field \`${name}\` on ${entity}`, "name a string or enum field holding an ISO 4217 code");
  } else if (!["string", "enum"].includes(target.type)) {
    ctx.reporter.report("WV305", locate(file, [...at, "currencyField"]), `currency field \`${name}\` must be a string or enum field, not ${target.type}`);
  }
}
