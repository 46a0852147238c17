/**
 * Members of the context variables `user`, `tenant`, `params` and `input`. Given values (ctx.variables) they
 * are parameters (literals in inline mode); otherwise `user` and `tenant` read the transaction-local
 * settings the runtime sets per request (`select set_config('app.user_id', $1, true)`).
 */
import type { ExprType } from "../../../ir/index.ts";
import type { Env, State } from "./context.ts";
import { recordOfId } from "./convert.ts";
import { SqlLoweringError } from "./errors.ts";
import { quote, valueSql } from "./literals.ts";
import { entityNamed, fieldType, idSqlType } from "./model.ts";
import { raw, sql, type Sql } from "./sql.ts";
import { scalar, type FieldIR, type Value } from "./values.ts";

const STRING: ExprType = { kind: "string" };
const UUID: ExprType = { kind: "uuid" };
const ROLES: ExprType = { kind: "list", of: STRING };

/** The members of `user` and `tenant` (as compiler/expr/scope.ts gives them). */
const BUILTIN: Readonly<Record<string, Readonly<Record<string, ExprType>>>> = {
  user: { id: UUID, email: STRING, name: STRING, roles: ROLES },
  tenant: { id: UUID, key: STRING, name: STRING, member: { kind: "bool" }, roles: ROLES },
};

/** `current_setting(name, true)` with '' read as NULL (a setting reset at the end of a transaction is ''). */
const setting = (name: string): Sql => raw(`nullif(current_setting(${quote(name)}, true), '')`);

/** Member `property` of context variable `name`. */
export function variableMember(state: State, env: Env, name: string, property: string): Value {
  if (!env.variables) throw new SqlLoweringError(`\`${name}\` is not available in a computed field`);
  state.found.variables.add(name);
  const given = state.ctx.variables;
  if (given && Object.hasOwn(given, name)) return givenMember(state, name, property, given[name] ?? null);
  if (name === "user" || name === "tenant") return settingMember(state, name, property);
  if (state.analysis) return scalar(raw("NULL"), memberType(state, name, property, undefined), "value");
  throw new SqlLoweringError(`\`${name}\` has no values: pass them as ctx.variables.${name}`);
}

/** `user.id` -> `nullif(current_setting('app.user_id', true), '')::uuid`, and so on. */
function settingMember(state: State, name: string, property: string): Value {
  state.found.stable = true; // current_setting is stable, not immutable
  const type = BUILTIN[name]![property];
  if (!type) throw new SqlLoweringError(`\`${name}\` has no member \`${property}\``);
  const key = `app.${name}_${property.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
  if (property === "member") return scalar(raw(`(current_setting('app.tenant_id', true) <> '')`), type, "false");
  if (property === "roles") return { kind: "array", sql: sql`string_to_array(${setting(key)}, ',')`, of: STRING, nulls: "value" };
  if (property === "id") return scalar(sql`${setting(key)}::uuid`, type, "value");
  return scalar(setting(key), type, "value");
}

/** A member read from the values given in the context. */
function givenMember(state: State, name: string, property: string, values: Readonly<Record<string, unknown>> | null): Value {
  const value = values === null ? null : Object.hasOwn(values, property) ? values[property] : null;
  const type = memberType(state, name, property, value);
  const mode = state.ctx.mode;
  const nulls = value === null || value === undefined ? "value" : "none";
  if (type.kind === "entity") {
    const entity = entityNamed(state.ctx.ir, type.name);
    const id = typeof value === "object" && value !== null && "id" in value ? (value as { id: unknown }).id : value;
    const idType: ExprType = { kind: entity.id === "serial" ? "int" : "uuid" };
    return recordOfId(state, type.name, valueSql(id, idType, mode, idSqlType(entity)), nulls);
  }
  if (type.kind === "list") return { kind: "array", sql: valueSql(value ?? null, type, mode), of: type.of, nulls };
  if (type.kind === "json" || type.kind === "object") return { kind: "json", sql: valueSql(value, type, mode), type, nulls };
  return scalar(valueSql(value, type, mode), type, nulls);
}

/** The type of a member: built in for user and tenant, from the IR for params and input, else from the value. */
function memberType(state: State, name: string, property: string, value: unknown): ExprType {
  const builtin = BUILTIN[name];
  if (builtin) {
    const type = builtin[property];
    if (!type) throw new SqlLoweringError(`\`${name}\` has no member \`${property}\``);
    return type;
  }
  const field = declaredFields(state, name)?.find((f) => f.name === property);
  if (field) return fieldType(state.ctx.ir, name, field);
  return typeOfValue(value);
}

function declaredFields(state: State, name: string): readonly FieldIR[] | undefined {
  const { ir, query, action, entity } = state.ctx;
  if (name === "params" && query) return ir.queries.find((q) => q.name === query)?.params;
  if (name === "input" && action) return entityNamed(ir, entity).actions.find((a) => a.name === action)?.input;
  return undefined;
}

function typeOfValue(value: unknown): ExprType {
  if (typeof value === "boolean") return { kind: "bool" };
  if (typeof value === "number") return { kind: Number.isInteger(value) ? "int" : "decimal" };
  if (value instanceof Date) return { kind: "datetime" };
  if (Array.isArray(value)) return { kind: "list", of: value.length > 0 ? typeOfValue(value[0]) : STRING };
  if (typeof value === "object" && value !== null) return { kind: "json" };
  return STRING;
}
