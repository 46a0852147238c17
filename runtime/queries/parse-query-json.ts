/**
 * The shape of a `POST /api/query` body, checked before anything is looked up in the model: known
 * keys only, operands of a known kind, values of JSON scalar types, and bounds on size (so a query
 * cannot ask the database for unbounded work). Every problem is collected and named by its JSON
 * Pointer; the model (entities, paths, types) is checked next, by resolve-query.ts.
 */
import { Problems } from "../query/problems.ts";
import { AGGREGATES, BUCKETS, OPERATORS, WINDOWS, type QueryCondition, type QueryJson, type QueryOperand, type QueryOrder, type QuerySelection, type QueryValue } from "./query-json.ts";

export const LIMITS = { joins: 4, select: 50, groupBy: 10, orderBy: 10, conditions: 50, depth: 6, maxLimit: 1000, defaultLimit: 100, maxOffset: 100_000 } as const;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const TOP_KEYS = new Set(["from", "join", "where", "select", "groupBy", "having", "orderBy", "limit", "offset"]);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The body as a QueryJson, or a 400 naming every problem.
 *
 * @example parseQueryJson({ from: "Invoice", select: [{ agg: "count" }] }) // { from: "Invoice", select: [{ agg: "count" }] }
 * @throws WeaveError 400 for a body that is not a query.
 */
export function parseQueryJson(body: unknown): QueryJson {
  const p = new Parser();
  const query = p.query(body);
  p.problems.throwIfAny();
  return query!;
}

class Parser {
  readonly problems = new Problems();
  #conditions = 0;

  query(body: unknown): QueryJson | undefined {
    if (!isObject(body)) return this.#fail("", "the body must be a JSON object with at least `from`");
    for (const key of Object.keys(body)) if (!TOP_KEYS.has(key)) this.#fail(`/${key}`, `unknown key ${key}: a query has ${[...TOP_KEYS].join(", ")}`, "unknownKey");
    const from = this.#name(body.from, "/from");
    const out: Record<string, unknown> = { from };
    if (body.join !== undefined) out.join = this.#list(body.join, "/join", LIMITS.joins, (v, at) => this.#join(v, at));
    if (body.where !== undefined) out.where = this.condition(body.where, "/where", 0);
    if (body.select !== undefined) out.select = this.#list(body.select, "/select", LIMITS.select, (v, at) => this.#selection(v, at));
    if (body.groupBy !== undefined) out.groupBy = this.#list(body.groupBy, "/groupBy", LIMITS.groupBy, (v, at) => this.operand(v, at));
    if (body.having !== undefined) out.having = this.condition(body.having, "/having", 0);
    if (body.orderBy !== undefined) out.orderBy = this.#list(body.orderBy, "/orderBy", LIMITS.orderBy, (v, at) => this.#order(v, at));
    if (body.limit !== undefined) out.limit = this.#integer(body.limit, "/limit", 1, LIMITS.maxLimit);
    if (body.offset !== undefined) out.offset = this.#integer(body.offset, "/offset", 0, LIMITS.maxOffset);
    return out as unknown as QueryJson;
  }

  operand(value: unknown, at: string): QueryOperand | undefined {
    if (!isObject(value)) return this.#fail(at, "an operand is an object: { field }, { agg }, { bucket, field }, { window } or { column }");
    const keys = Object.keys(value);
    const allow = (...names: string[]) => keys.filter((k) => !names.includes(k)).forEach((k) => this.#fail(`${at}/${k}`, `unknown key ${k}`, "unknownKey"));
    const field = () => (value.field === undefined ? undefined : this.#name(value.field, `${at}/field`));
    if ("agg" in value) {
      allow("agg", "field", "distinct", "as");
      this.#oneOf(value.agg, AGGREGATES, `${at}/agg`, "aggregate");
      if (value.distinct !== undefined && typeof value.distinct !== "boolean") this.#fail(`${at}/distinct`, "distinct is true or false");
      return { agg: value.agg, ...(value.field === undefined ? {} : { field: field() }), ...(value.distinct === undefined ? {} : { distinct: value.distinct }) } as QueryOperand;
    }
    if ("bucket" in value) {
      allow("bucket", "field", "as");
      this.#oneOf(value.bucket, BUCKETS, `${at}/bucket`, "date bucket");
      if (value.field === undefined) this.#fail(`${at}/field`, "a bucket needs the date or datetime field it truncates");
      return { bucket: value.bucket, field: field() } as QueryOperand;
    }
    if ("window" in value) return this.#window(value, at, allow);
    if ("column" in value) {
      allow("column", "as");
      return { column: this.#name(value.column, `${at}/column`) } as QueryOperand;
    }
    if ("field" in value) {
      allow("field", "as");
      return { field: field() } as QueryOperand;
    }
    return this.#fail(at, "an operand has one of field, agg, bucket, window or column");
  }

  condition(value: unknown, at: string, depth: number): QueryCondition | undefined {
    if (++this.#conditions > LIMITS.conditions) return this.#fail(at, `a query has at most ${LIMITS.conditions} conditions`);
    if (depth > LIMITS.depth) return this.#fail(at, `conditions nest at most ${LIMITS.depth} deep`);
    if (!isObject(value)) return this.#fail(at, "a condition is an object: { and }, { or }, { not } or { left, op, value }");
    for (const key of ["and", "or"] as const) {
      if (key in value) {
        if (Object.keys(value).length > 1) this.#fail(at, `${key} stands alone in its object`);
        return { [key]: this.#list(value[key], `${at}/${key}`, LIMITS.conditions, (v, a) => this.condition(v, a, depth + 1)) } as QueryCondition;
      }
    }
    if ("not" in value) return { not: this.condition(value.not, `${at}/not`, depth + 1) } as QueryCondition;
    for (const key of Object.keys(value)) if (!["left", "op", "value"].includes(key)) this.#fail(`${at}/${key}`, `unknown key ${key}`, "unknownKey");
    const left = this.operand(value.left, `${at}/left`);
    this.#oneOf(value.op, OPERATORS, `${at}/op`, "operator", "unknownOperator");
    const list = value.op === "in" || value.op === "nin";
    const given = value.value;
    if (list) {
      if (!Array.isArray(given) || given.length === 0 || given.length > 100) this.#fail(`${at}/value`, `${String(value.op)} takes a list of 1 to 100 values`, "invalidValue");
      else given.forEach((v, i) => this.#value(v, `${at}/value/${i}`));
    } else if (value.op === "isNull") {
      if (typeof given !== "boolean") this.#fail(`${at}/value`, "isNull takes true or false", "invalidValue");
    } else this.#value(given, `${at}/value`);
    return { left, op: value.op, ...(given === undefined ? {} : { value: given }) } as QueryCondition;
  }

  #window(value: Json, at: string, allow: (...names: string[]) => void): QueryOperand {
    allow("window", "of", "partitionBy", "orderBy", "as");
    this.#oneOf(value.window, WINDOWS, `${at}/window`, "window function");
    const ranking = ["rowNumber", "rank", "denseRank"].includes(String(value.window));
    if (ranking && value.of !== undefined) this.#fail(`${at}/of`, `${String(value.window)} takes no operand`);
    if (!ranking && value.window !== "count" && value.of === undefined) this.#fail(`${at}/of`, `${String(value.window)} needs the operand it runs over (of)`);
    return {
      window: value.window,
      ...(value.of === undefined ? {} : { of: this.operand(value.of, `${at}/of`) }),
      ...(value.partitionBy === undefined ? {} : { partitionBy: this.#list(value.partitionBy, `${at}/partitionBy`, LIMITS.groupBy, (v, a) => this.operand(v, a)) }),
      ...(value.orderBy === undefined ? {} : { orderBy: this.#list(value.orderBy, `${at}/orderBy`, LIMITS.orderBy, (v, a) => this.#order(v, a)) }),
    } as QueryOperand;
  }

  #selection(value: unknown, at: string): QuerySelection | undefined {
    const operand = this.operand(value, at);
    if (!operand || !isObject(value) || value.as === undefined) return operand;
    if (typeof value.as !== "string" || !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(value.as)) this.#fail(`${at}/as`, "an alias is a name of letters, digits and _ (at most 63)");
    return { ...operand, as: value.as } as QuerySelection;
  }

  #order(value: unknown, at: string): QueryOrder | undefined {
    if (!isObject(value)) return this.#fail(at, "an order is { by, desc? }");
    for (const key of Object.keys(value)) if (!["by", "desc"].includes(key)) this.#fail(`${at}/${key}`, `unknown key ${key}`, "unknownKey");
    if (value.desc !== undefined && typeof value.desc !== "boolean") this.#fail(`${at}/desc`, "desc is true or false");
    const by = this.operand(value.by, `${at}/by`);
    return { by, ...(value.desc === undefined ? {} : { desc: value.desc }) } as QueryOrder;
  }

  #join(value: unknown, at: string): unknown {
    if (!isObject(value)) return this.#fail(at, "a join is { relation, left? }");
    for (const key of Object.keys(value)) if (!["relation", "left"].includes(key)) this.#fail(`${at}/${key}`, `unknown key ${key}`, "unknownKey");
    if (value.left !== undefined && typeof value.left !== "boolean") this.#fail(`${at}/left`, "left is true or false");
    return { relation: this.#name(value.relation, `${at}/relation`), ...(value.left === undefined ? {} : { left: value.left }) };
  }

  #value(value: unknown, at: string): QueryValue | undefined {
    if (value === null || ["string", "number", "boolean"].includes(typeof value)) {
      if (typeof value === "string" && value.length > 1000) this.#fail(at, "a value is at most 1000 characters", "invalidValue");
      if (typeof value === "number" && !Number.isFinite(value)) this.#fail(at, "a number must be finite", "invalidValue");
      return value as QueryValue;
    }
    return this.#fail(at, "a value is a string, a number, a boolean or null", "invalidValue");
  }

  #list<T>(value: unknown, at: string, max: number, item: (v: unknown, at: string) => T | undefined): T[] {
    if (!Array.isArray(value)) return this.#fail(at, "must be a list") ?? [];
    if (value.length > max) this.#fail(at, `at most ${max} items`);
    return value.slice(0, max).map((v, i) => item(v, `${at}/${i}`)!);
  }

  #name(value: unknown, at: string): string {
    if (typeof value !== "string" || value.length > 200 || !NAME.test(value)) this.#fail(at, "must be a name or a dotted path of names", "invalidName");
    return String(value);
  }

  #integer(value: unknown, at: string, min: number, max: number): number {
    if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) this.#fail(at, `must be a whole number from ${min} to ${max}`, "invalidValue");
    return value as number;
  }

  #oneOf(value: unknown, allowed: readonly string[], at: string, what: string, code = "invalidValue"): void {
    if (typeof value !== "string" || !allowed.includes(value)) this.#fail(at, `unknown ${what} ${JSON.stringify(value)}: one of ${allowed.join(", ")}`, code);
  }

  #fail(at: string, message: string, code = "invalidQuery"): undefined {
    this.problems.add(at, message, code);
    return undefined;
  }
}
