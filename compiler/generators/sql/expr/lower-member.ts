/**
 * `a.b`: a column of a row, a relation (a lookup through a foreign key, or the rows of a child table), a
 * virtual computed field (inlined), a member of jsonb, of a context variable, or of every item of a list.
 */
import type { Expr, ExprType } from "../../../ir/index.ts";
import { columnSql, newAlias, type Env, type State } from "./context.ts";
import { idOf, lookup, setOf, valueOf } from "./convert.ts";
import { SqlLoweringError } from "./errors.ts";
import { jsonMember } from "./json.ts";
import { idSqlType, memberOf, type Member } from "./model.ts";
import { polyStep, stepOf, type RelationStep } from "./paths.ts";
import { ident, join, raw, sql, type Sql } from "./sql.ts";
import { quote } from "./literals.ts";
import { variableMember } from "./variables.ts";
import { visibleCondition } from "./visible.ts";
import { scalar, typeOf, type EntityIR, type Poly, type Ref, type Row, type SetValue, type Value } from "./values.ts";

/** Member `property` of `object`. */
export function lowerMember(state: State, env: Env, object: Value, property: string): Value {
  switch (object.kind) {
    case "row":
      return rowMember(state, env, object, property);
    case "ref":
      return refMember(state, env, object, property);
    case "poly":
      return polyMember(state, env, object, property);
    case "json":
      // An embedded array is a list: a member of it is the member of every item.
      if (object.type.kind === "list") return setMember(state, env, setOf(state, object), property);
      return jsonMember(state, object, property);
    case "object":
      return variableMember(state, env, object.name, property);
    case "set":
      return setMember(state, env, object, property);
    case "literal":
      if (object.value === null) return object; // a member of null is null
  }
  throw new SqlLoweringError(`cannot read \`${property}\` of a ${typeOf(object).kind}`);
}

function memberOrFail(state: State, entity: EntityIR, property: string): Member {
  const member = memberOf(state.ctx.ir, entity, property, state.ctx.inlineGenerated && state.isGenerated(entity, property));
  if (!member) throw new SqlLoweringError(`${entity.name} has no member \`${property}\``);
  return member;
}

function rowMember(state: State, env: Env, row: Row, property: string): Value {
  const member = memberOrFail(state, row.entity, property);
  const reads = state.found.reads;
  switch (member.kind) {
    case "column":
      reads.read(row.path, member.column);
      return scalar(columnSql(row.alias, member.column), member.type, member.required ? "none" : "value");
    case "computed":
      return inlineComputed(state, env, row, member);
    case "ref":
      reads.read(row.path, member.column);
      return {
        kind: "ref",
        entity: member.target,
        column: "id",
        value: columnSql(row.alias, member.column),
        nulls: member.required ? "none" : "value",
        ...withStep(row.path, stepOf(row.entity, member)),
      };
    case "json":
      reads.read(row.path, member.column);
      return {
        kind: "json",
        sql: columnSql(row.alias, member.column),
        type: member.type,
        ...(member.field.embedded ? { fields: member.field.embedded.fields } : {}),
        nulls: member.required ? "none" : "value",
      };
    case "polymorphic":
      reads.read(row.path, member.column);
      reads.read(row.path, member.typeColumn);
      return {
        kind: "poly",
        targets: member.targets,
        id: columnSql(row.alias, member.column),
        typeSql: columnSql(row.alias, member.typeColumn),
        nulls: member.field.required ? "none" : "value",
        ...(row.path ? { paths: member.targets.map((t) => [...row.path!, polyStep(row.entity, member, t)]) } : {}),
      };
    default:
      return relation(state, row, member, idOf(state, row).sql, undefined);
  }
}

/** A relation stored on the other table: the child rows (`many`, many-to-many) or the one row (`one` read from its inverse). */
function relation(state: State, owner: Row | Ref, member: Member, ownerId: Sql, nullWhen: Sql | undefined): Value {
  const step = stepOf(owner.entity, member);
  const path = owner.path && [...owner.path, step];
  state.found.reads.visit(path);
  if (member.kind === "inverseOne")
    return { kind: "ref", entity: member.target, column: member.column, value: ownerId, nulls: "value", ...(path ? { path } : {}) };
  if (member.kind !== "many" && member.kind !== "manyToMany") throw new SqlLoweringError(`\`${member.kind}\` is not a relation`);
  // The join table comes first in the FROM clause, so it takes the first alias.
  const link = member.kind === "manyToMany" ? newAlias(state) : "";
  const alias = newAlias(state);
  const element: Row = { kind: "row", entity: member.target, alias, ...(path ? { path } : {}) };
  const base = { kind: "set" as const, element, of: { kind: "entity" as const, name: member.target.name }, ...(nullWhen ? { nullWhen } : {}) };
  const visible = visibleCondition(state, member.target, alias);
  if (member.kind === "many") {
    state.found.reads.read(path, member.column);
    return { ...base, from: [sql`${ident(member.target.table)} ${ident(alias)}`], where: present([sql`${columnSql(alias, member.column)} = ${ownerId}`, visible]) };
  }
  const from = sql`${ident(member.through.table)} ${ident(link)} JOIN ${ident(member.target.table)} ${ident(alias)} ON ${columnSql(alias, "id")} = ${columnSql(link, member.targetColumn)}`;
  // A generated join entity has no policies of its own: the link is as visible as its ends.
  const linkVisible = member.through.generated ? undefined : visibleCondition(state, member.through, link);
  return { ...base, from: [from], where: present([sql`${columnSql(link, member.sourceColumn)} = ${ownerId}`, visible, linkVisible]) };
}

/** A virtual computed field: its own expression, with `record` bound to the row it is read on. */
function inlineComputed(state: State, env: Env, record: Row | Ref, member: Member & { kind: "computed" }): Value {
  const key = `${record.entity.name}.${member.field.name}`;
  if (env.inlining.includes(key))
    throw new SqlLoweringError(`computed fields depend on each other in a cycle: ${[...env.inlining, key].join(" -> ")}`);
  const inner: Env = { ...env, record, locals: new Map(), variables: false, inlining: [...env.inlining, key] };
  return state.lower(member.field.computed!.ast as Expr, inner);
}

/** A member of a record reached through a relation: its id directly, else a subquery on the target's table. */
function refMember(state: State, env: Env, ref: Ref, property: string): Value {
  if (property === "id" && ref.column === "id")
    return scalar(ref.value, { kind: idSqlType(ref.entity) === "bigint" ? "int" : "uuid" }, ref.nulls);
  const member = memberOrFail(state, ref.entity, property);
  if (member.kind === "many" || member.kind === "manyToMany" || member.kind === "inverseOne") {
    const id = idOf(state, ref);
    return relation(state, ref, member, id.sql, id.nulls === "none" ? undefined : sql`(${id.sql} IS NULL)`);
  }
  const alias = newAlias(state);
  const inner = rowMember(state, env, { kind: "row", entity: ref.entity, alias, ...(ref.path ? { path: ref.path } : {}) }, property);
  return liftThroughRef(state, ref, alias, inner);
}

/** Wraps a value read on the row `alias` of `ref`'s table into the subquery that finds that row. */
function liftThroughRef(state: State, ref: Ref, alias: string, inner: Value): Value {
  const lift = (select: Sql) => lookup(state, ref, alias, select);
  switch (inner.kind) {
    case "literal":
      return inner;
    case "ref":
    case "row": {
      const id = idOf(state, inner);
      return { kind: "ref", entity: inner.entity, column: "id", value: lift(id.sql), nulls: "value", ...(inner.path ? { path: inner.path } : {}) };
    }
    case "json":
      return { ...inner, sql: lift(inner.sql), nulls: "value" };
    case "poly":
      return { ...inner, id: lift(inner.id), typeSql: lift(inner.typeSql), nulls: "value" };
    default: {
      const value = valueOf(state, inner);
      return scalar(lift(value.sql), value.type, "value", value.numeric);
    }
  }
}

/** A member of a polymorphic ref: one lookup per target entity, chosen by the stored type. */
function polyMember(state: State, env: Env, poly: Poly, property: string): Value {
  if (property === "id") return scalar(poly.id, { kind: "uuid" }, poly.nulls);
  const branches: Sql[] = [];
  let type: ExprType | undefined;
  poly.targets.forEach((target, i) => {
    const ref: Ref = { kind: "ref", entity: target, column: "id", value: poly.id, nulls: poly.nulls, ...(poly.paths ? { path: poly.paths[i]! } : {}) };
    const value = valueOf(state, refMember(state, env, ref, property));
    type ??= value.type;
    branches.push(sql` WHEN ${raw(quote(target.name))} THEN ${value.sql}`);
  });
  return scalar(sql`CASE ${poly.typeSql}${join(branches, "")} END`, type ?? { kind: "any" }, "value");
}

/** A member of every item of a list (projection); a member that is itself a list is flattened into it. */
function setMember(state: State, env: Env, set: SetValue, property: string): Value {
  const element = lowerMember(state, env, set.element, property);
  const flatten = element.kind === "set" || (element.kind === "json" && element.type.kind === "list");
  if (!flatten) return { ...set, element, of: typeOf(element) };
  const inner = setOf(state, element);
  return { ...set, from: [...set.from, ...inner.from], where: [...set.where, ...inner.where], element: inner.element, of: inner.of };
}

const present = (conditions: readonly (Sql | undefined)[]): Sql[] => conditions.filter((c): c is Sql => c !== undefined);

function withStep(path: readonly RelationStep[] | undefined, step: RelationStep): { path?: readonly RelationStep[] } {
  return path ? { path: [...path, step] } : {};
}
