/**
 * jsonb values: members of `json` fields and of embedded objects, and their conversion to the scalar a
 * comparison or function needs. JSON null reads as SQL NULL, as a member absent from the data reads as null
 * in the evaluator.
 */
import type { ExprType } from "../../../ir/index.ts";
import type { State } from "./context.ts";
import { fieldType } from "./model.ts";
import { quote } from "./literals.ts";
import { raw, sql, type Sql } from "./sql.ts";
import { scalar, type Json, type Scalar, type Value } from "./values.ts";

const key = (name: string): Sql => raw(quote(name));

/**
 * Member `name` of a jsonb value. A member of an embedded object has its field's type: text types are read
 * with `->>`, numbers, booleans, dates and uuids cast from it, nested objects and lists stay jsonb.
 */
export function jsonMember(state: State, object: Json, name: string): Value {
  const field = object.fields?.find((f) => f.name === name);
  if (!field) return { kind: "json", sql: sql`nullif(${object.sql} -> ${key(name)}, 'null'::jsonb)`, type: { kind: "json" }, nulls: "value" };
  const owner = object.type.kind === "object" ? object.type.name : "json";
  const type = fieldType(state.ctx.ir, owner, field);
  if (field.type === "embedded" || type.kind === "json")
    return {
      kind: "json",
      sql: sql`nullif(${object.sql} -> ${key(name)}, 'null'::jsonb)`,
      type,
      ...(field.embedded ? { fields: field.embedded.fields } : {}),
      nulls: "value",
    };
  return leaf(state, sql`(${object.sql} ->> ${key(name)})`, type);
}

/** A JSON scalar's text cast to the SQL type of `type`. */
function leaf(state: State, text: Sql, type: ExprType): Scalar {
  switch (type.kind) {
    case "int":
    case "decimal":
    case "money":
      return scalar(sql`${text}::numeric`, type, "value", true);
    case "bool":
      return scalar(sql`${text}::boolean`, type, "value");
    case "uuid":
      return scalar(sql`${text}::uuid`, type, "value");
    case "date":
    case "datetime":
      // Text to date/time depends on DateStyle and TimeZone: stable, not immutable.
      state.found.stable = true;
      return scalar(sql`${text}::${raw(type.kind === "date" ? "date" : "timestamptz")}`, type, "value");
    default:
      return scalar(text, type, "value");
  }
}

/**
 * A dynamic json value as the scalar kind it meets: its number, string, boolean... NULL when the JSON value
 * is of another kind (the evaluator would find them unequal, or fail to order them).
 */
export function jsonAs(state: State, json: Json, type: ExprType): Scalar {
  const j = json.sql;
  const when = (kinds: string, then: Sql) => sql`CASE WHEN jsonb_typeof(${j}) IN (${raw(kinds)}) THEN ${then} END`;
  switch (type.kind) {
    case "int":
    case "decimal":
    case "money":
      return scalar(when("'number'", sql`(${j} #>> '{}')::numeric`), type, "value", true);
    case "bool":
      return scalar(when("'boolean'", sql`(${j})::boolean`), type, "value");
    case "date":
    case "datetime":
      state.found.stable = true;
      return scalar(when("'string'", sql`(${j} #>> '{}')::${raw(type.kind === "date" ? "date" : "timestamptz")}`), type, "value");
    default:
      return scalar(when("'string', 'number'", sql`${j} #>> '{}'`), { kind: "string" }, "value");
  }
}
