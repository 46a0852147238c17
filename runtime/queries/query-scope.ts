/**
 * The state of compiling one query: the SQL builder, the root row and every joined relation (each
 * with its alias and its ON clause carrying the target's tenant and read policy), and the problems
 * found. A path such as `customer.name` resolves through it: a relation to one is joined on first
 * use (a LEFT JOIN, so an unreadable customer reads as null), a relation to many only when the
 * query joins it, since it multiplies rows.
 */
import type { IR, IREntity } from "../../compiler/ir/index.ts";
import { readFilter } from "../records/access.ts";
import { recordField, type RecordField } from "../records/record-fields.ts";
import { relationJoin, type RelationJoin } from "../records/relations.ts";
import { and, columnOf, ident, type SqlBuilder } from "../records/sql-builder.ts";
import type { RequestContext } from "../server/context.ts";
import { Problems } from "../query/problems.ts";
import type { QueryJoin } from "./query-json.ts";

/** The root row's alias; joined rows are `j1`, `j2`, … */
export const ROOT = "q0";

/** A relation joined into the statement. */
export interface Joined {
  readonly path: string;
  readonly alias: string;
  readonly entity: IREntity;
  /** The relation field that led here, and the entity and alias it belongs to. */
  readonly via: { readonly entity: IREntity; readonly alias: string; readonly field: string };
  readonly many: boolean;
  readonly sql: string;
}

/** A path resolved to the row alias and field that end it. */
export interface ResolvedPath {
  readonly text: string;
  readonly alias: string;
  readonly entity: IREntity;
  readonly field: RecordField;
  /** Members of an embedded field after it: `address.city`. */
  readonly members: readonly string[];
  /** Every field the value reads, on the entity and alias it belongs to: the relations followed, then the field. */
  readonly reads: readonly { readonly entity: IREntity; readonly alias: string; readonly field: string }[];
}

export class QueryScope {
  readonly problems = new Problems();
  readonly #joins = new Map<string, Joined>();
  #next = 1;

  constructor(
    readonly ctx: RequestContext,
    readonly q: SqlBuilder,
    readonly root: IREntity,
  ) {}

  get ir(): IR {
    return this.ctx.ir;
  }

  fail(at: string, message: string, code = "invalidQuery"): undefined {
    this.problems.add(at, message, code);
    return undefined;
  }

  /** The join clauses, in the order they were made. */
  joinsSql(): string {
    return [...this.#joins.values()].map((j) => j.sql).join(" ");
  }

  joined(): readonly Joined[] {
    return [...this.#joins.values()];
  }

  /** Joins what the query asks to join, in order (a nested path needs its parent joined or to-one). */
  addJoins(joins: readonly QueryJoin[]): void {
    joins.forEach((join, i) => {
      const at = `/join/${i}/relation`;
      if (this.#joins.has(join.relation)) return void this.fail(at, `${join.relation} is joined twice`);
      const segments = join.relation.split(".");
      let current = { entity: this.root, alias: ROOT };
      for (const [k, name] of segments.entries()) {
        const path = segments.slice(0, k + 1).join(".");
        const last = k === segments.length - 1;
        const next = this.#hop(current, name, path, at, last ? (join.left ? "left" : "inner") : undefined);
        if (!next) return;
        current = next;
      }
    });
  }

  /** Resolves a field path from the root; undefined (and a problem at `at`) when the model has no such path. */
  resolve(text: string, at: string): ResolvedPath | undefined {
    const segments = text.split(".");
    const reads: { entity: IREntity; alias: string; field: string }[] = [];
    let current = { entity: this.root, alias: ROOT };
    for (let i = 0; i < segments.length; i++) {
      const name = segments[i]!;
      const rest = segments.slice(i + 1);
      const field = recordField(this.ir, current.entity, name);
      const base = { text, alias: current.alias, entity: current.entity, reads };
      if (field && rest.length === 0) return { ...base, field, members: [], reads: [...reads, { ...current, field: name }] };
      if (field?.source === "column" && field.field.embedded) return this.#member({ ...base, field, members: rest, reads: [...reads, { ...current, field: name }] }, at);
      if (!relationJoin(this.ir, current.entity, name)) return this.fail(at, `${current.entity.name} has no field ${name}${segments.length > 1 ? ` (in ${text})` : ""}`, "unknownPath");
      reads.push({ ...current, field: name });
      const path = segments.slice(0, i + 1).join(".");
      const next = this.#hop(current, name, path, at);
      if (!next) return undefined;
      current = next;
    }
    return this.fail(at, `${text} names a relation, not a value: name a field of it (${text}.id)`, "unknownPath");
  }

  #member(path: ResolvedPath, at: string): ResolvedPath | undefined {
    let fields = path.field.source === "column" ? path.field.field.embedded?.fields : undefined;
    for (const name of path.members) {
      const member = fields?.find((f) => f.name === name);
      if (!member) return this.fail(at, `${path.entity.name}.${path.field.name} has no member ${name} (in ${path.text})`, "unknownPath");
      fields = member.embedded?.fields;
    }
    return path;
  }

  /** Follows relation `name` from `from`, joining it when it is not yet: to one implicitly (left), to many only when `kind` says so (an explicit join). */
  #hop(from: { entity: IREntity; alias: string }, name: string, path: string, at: string, kind?: "inner" | "left"): { entity: IREntity; alias: string } | undefined {
    const existing = this.#joins.get(path);
    if (existing) return existing;
    const join = relationJoin(this.ir, from.entity, name);
    if (!join) return this.fail(at, `${from.entity.name} has no relation ${name} (in ${path})`, "unknownPath");
    if (join.kind === "polymorphic") return this.fail(at, `${path} is a polymorphic ref: it cannot be joined`, "unknownPath");
    if (join.many && !kind) return this.fail(at, `${path} is a relation to many: join it first (join: [{ relation: "${path}" }])`, "unjoinedRelation");
    const alias = `j${this.#next++}`;
    const target = join.target;
    const on = and([this.#link(join, from.alias, alias), readFilter(this.q, this.ctx, target, alias)]);
    const joined: Joined = { path, alias, entity: target, via: { entity: from.entity, alias: from.alias, field: name }, many: join.many, sql: `${kind ?? "left"} join ${ident(target.table)} ${ident(alias)} on ${on}` };
    this.#joins.set(path, joined);
    return joined;
  }

  /** How the target row `alias` belongs to the row `from`; a join entity's rows must be readable too. */
  #link(join: Exclude<RelationJoin, { kind: "polymorphic" }>, from: string, alias: string): string {
    if (join.kind === "foreignKey") return `${columnOf(alias, "id")} = ${columnOf(from, join.column)}`;
    if (join.kind === "inverse") return `${columnOf(alias, join.column)} = ${columnOf(from, "id")}`;
    const link = `${alias}_l`;
    const through = join.through.generated ? undefined : readFilter(this.q, this.ctx, join.through, link);
    return `exists (select 1 from ${ident(join.through.table)} ${ident(link)} where ${and([`${columnOf(link, join.sourceColumn)} = ${columnOf(from, "id")}`, `${columnOf(link, join.targetColumn)} = ${columnOf(alias, "id")}`, through])})`;
  }
}
