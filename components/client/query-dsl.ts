/**
 * The query DSL: builds the JSON a `POST /api/query` takes (spec/query.md, "Queries as JSON").
 * It only builds data, it runs nothing and imports neither the runtime nor the compiler: the server
 * checks the query against the model and applies every policy. Typed by a map of record types
 * (the generated entity types), so field names are checked where they are known; dotted paths
 * across relations (`customer.name`) are plain strings.
 *
 * @example
 *   const q = from<Records, "Invoice">("Invoice")
 *     .where((o) => and(o.status.eq("sent"), o.total.gt(100)))
 *     .groupBy("customer.name")
 *     .sum("total", "revenue")
 *     .count()
 *     .orderBy(col("revenue"), "desc")
 *     .limit(10)
 *     .toJSON();
 *   await fetch("/api/query", { method: "POST", body: JSON.stringify(q), headers: { "content-type": "application/json" } });
 */

export type Aggregate = "count" | "sum" | "avg" | "min" | "max";
export type Bucket = "day" | "week" | "month" | "quarter" | "year";
export type WindowFn = "rowNumber" | "rank" | "denseRank" | "count" | "sum" | "avg" | "min" | "max";
export type Op = "eq" | "ne" | "lt" | "lte" | "gt" | "gte" | "in" | "nin" | "contains" | "startsWith" | "isNull";
export type Value = string | number | boolean | null;

export type Operand =
  | { readonly field: string }
  | { readonly agg: Aggregate; readonly field?: string; readonly distinct?: boolean }
  | { readonly bucket: Bucket; readonly field: string }
  | { readonly window: WindowFn; readonly of?: Operand; readonly partitionBy?: readonly Operand[]; readonly orderBy?: readonly Order[] }
  | { readonly column: string };
export type Selection = Operand & { readonly as?: string };
export interface Order {
  readonly by: Operand;
  readonly desc?: boolean;
}
export type Condition =
  | { readonly and: readonly Condition[] }
  | { readonly or: readonly Condition[] }
  | { readonly not: Condition }
  | { readonly left: Operand; readonly op: Op; readonly value?: Value | readonly Value[] };

/** The JSON of a query. */
export interface QueryJson {
  readonly from: string;
  readonly join?: readonly { readonly relation: string; readonly left?: boolean }[];
  readonly where?: Condition;
  readonly select?: readonly Selection[];
  readonly groupBy?: readonly Operand[];
  readonly having?: Condition;
  readonly orderBy?: readonly Order[];
  readonly limit?: number;
  readonly offset?: number;
}

/** Record types by entity name: the generated `Invoice`, `Customer`, … */
export type RecordTypes = Record<string, object>;

/** A field name of a record type, or a dotted path across its relations. */
export type PathOf<R> = (keyof R & string) | `${string}.${string}`;

/** What a field's value may be compared with: decimals and money (strings in records) take numbers too; enums keep their literals. */
export type ValueOf<V> = V extends number ? number | string : string extends V ? V | number : V;

/** Comparisons of one operand: each gives a condition. */
export interface Comparable<T = unknown> {
  eq(value: T): Condition;
  ne(value: T): Condition;
  lt(value: T): Condition;
  lte(value: T): Condition;
  gt(value: T): Condition;
  gte(value: T): Condition;
  in(values: readonly T[]): Condition;
  nin(values: readonly T[]): Condition;
  contains(text: string): Condition;
  startsWith(text: string): Condition;
  isNull(yes?: boolean): Condition;
}

/** The record in `where(o => …)`: a comparable per field, and `path()` for dotted paths. */
export type Fields<R> = { readonly [K in keyof R & string]-?: Comparable<ValueOf<NonNullable<R[K]>>> } & {
  path(path: string): Comparable;
};

/** The comparisons of `operand`. */
export function compare<T = unknown>(operand: Operand): Comparable<T> {
  const cmp = (op: Op) => (value?: unknown): Condition => ({ left: operand, op, ...(value === undefined ? {} : { value: value as Value }) });
  return {
    eq: cmp("eq"), ne: cmp("ne"), lt: cmp("lt"), lte: cmp("lte"), gt: cmp("gt"), gte: cmp("gte"),
    in: cmp("in"), nin: cmp("nin"), contains: cmp("contains"), startsWith: cmp("startsWith"),
    isNull: (yes = true) => ({ left: operand, op: "isNull", value: yes }),
  };
}

function fieldsProxy<R>(): Fields<R> {
  return new Proxy({} as Fields<R>, {
    get: (_, name) => (name === "path" ? (path: string) => compare({ field: path }) : compare({ field: String(name) })),
  });
}

export const and = (...conditions: Condition[]): Condition => ({ and: conditions });
export const or = (...conditions: Condition[]): Condition => ({ or: conditions });
export const not = (condition: Condition): Condition => ({ not: condition });

/** An output column by name, for `orderBy` and `having`. */
export const col = (name: string) => ({ column: name }) as const;
/** Aggregates, for `select`, `having` and `orderBy`. */
export const count = (field?: string, options: { distinct?: boolean } = {}): Operand => ({ agg: "count", ...(field ? { field } : {}), ...(options.distinct ? { distinct: true } : {}) });
export const sum = (field: string): Operand => ({ agg: "sum", field });
export const avg = (field: string): Operand => ({ agg: "avg", field });
export const min = (field: string): Operand => ({ agg: "min", field });
export const max = (field: string): Operand => ({ agg: "max", field });
/** A date bucket: `month("issued")`. */
export const bucket = (unit: Bucket, field: string): Operand => ({ bucket: unit, field });
export const day = (field: string) => bucket("day", field);
export const week = (field: string) => bucket("week", field);
export const month = (field: string) => bucket("month", field);
export const quarter = (field: string) => bucket("quarter", field);
export const year = (field: string) => bucket("year", field);

/** A window function: `over(rank(), { orderBy: [{ by: sum("total"), desc: true }] })`. */
export const over = (fn: WindowFn, of: Operand | undefined, spec: { partitionBy?: readonly (Operand | string)[]; orderBy?: readonly (Order | string)[] } = {}): Operand => ({
  window: fn,
  ...(of ? { of } : {}),
  ...(spec.partitionBy ? { partitionBy: spec.partitionBy.map(operand) } : {}),
  ...(spec.orderBy ? { orderBy: spec.orderBy.map((o) => (typeof o === "string" ? orderOf(o) : o)) } : {}),
});
export const rowNumber = (spec: Parameters<typeof over>[2] = {}) => over("rowNumber", undefined, spec);
export const rank = (spec: Parameters<typeof over>[2] = {}) => over("rank", undefined, spec);
/** A running sum over the order: `runningSum("total", { orderBy: ["issued"] })`. */
export const runningSum = (field: string | Operand, spec: Parameters<typeof over>[2] = {}) => over("sum", operand(field), spec);

const operand = (value: Operand | string): Operand => (typeof value === "string" ? { field: value } : value);
/** `-due` is descending. */
const orderOf = (key: string): Order => (key.startsWith("-") ? { by: { field: key.slice(1) }, desc: true } : { by: { field: key } });

/** An immutable query builder; every method returns a new one. */
export class QueryBuilder<R extends object = Record<string, unknown>> {
  constructor(readonly json: QueryJson) {}

  #with(patch: Partial<Omit<QueryJson, "from">>): QueryBuilder<R> {
    return new QueryBuilder<R>({ ...this.json, ...patch });
  }

  /** Joins a relation (a path from the root): inner by default, `{ left: true }` keeps rows without one. */
  join(relation: string, options: { left?: boolean } = {}): QueryBuilder<R> {
    return this.#with({ join: [...(this.json.join ?? []), { relation, ...(options.left ? { left: true } : {}) }] });
  }

  /** Adds a condition (several are ANDed). */
  where(condition: Condition | ((o: Fields<R>) => Condition)): QueryBuilder<R> {
    const next = typeof condition === "function" ? condition(fieldsProxy<R>()) : condition;
    return this.#with({ where: this.json.where ? and(this.json.where, next) : next });
  }

  /** Adds columns: field paths, or operands (`sum("total")`), each with an optional alias via `[operand, "alias"]`. */
  select(...items: (PathOf<R> | Operand | readonly [Operand | PathOf<R>, string])[]): QueryBuilder<R> {
    const selections = items.map((item): Selection => (Array.isArray(item) ? { ...operand(item[0] as Operand | string), as: item[1] } : operand(item as Operand | string)));
    return this.#with({ select: [...(this.json.select ?? []), ...selections] });
  }

  /** Groups by field paths or buckets (`month("issued")`). */
  groupBy(...keys: (PathOf<R> | Operand)[]): QueryBuilder<R> {
    return this.#with({ groupBy: [...(this.json.groupBy ?? []), ...keys.map((k) => operand(k as Operand | string))] });
  }

  count(as?: string): QueryBuilder<R> {
    return this.#aggregate(count(), as);
  }
  sum(field: PathOf<R>, as?: string): QueryBuilder<R> {
    return this.#aggregate(sum(field), as);
  }
  avg(field: PathOf<R>, as?: string): QueryBuilder<R> {
    return this.#aggregate(avg(field), as);
  }
  min(field: PathOf<R>, as?: string): QueryBuilder<R> {
    return this.#aggregate(min(field), as);
  }
  max(field: PathOf<R>, as?: string): QueryBuilder<R> {
    return this.#aggregate(max(field), as);
  }

  /** A condition on the groups: `having(compare(sum("total")).gt(1000))`. */
  having(condition: Condition): QueryBuilder<R> {
    return this.#with({ having: this.json.having ? and(this.json.having, condition) : condition });
  }

  /** Adds an order key: a path (`-due` descending), or an operand with a direction. */
  orderBy(key: PathOf<R> | `-${string}` | Operand, direction: "asc" | "desc" = "asc"): QueryBuilder<R> {
    const order = typeof key === "string" ? orderOf(key) : { by: key };
    return this.#with({ orderBy: [...(this.json.orderBy ?? []), direction === "desc" ? { ...order, desc: true } : order] });
  }

  limit(n: number): QueryBuilder<R> {
    return this.#with({ limit: n });
  }

  offset(n: number): QueryBuilder<R> {
    return this.#with({ offset: n });
  }

  /** The JSON to POST to `/api/query`. */
  toJSON(): QueryJson {
    return this.json;
  }

  #aggregate(value: Operand, as: string | undefined): QueryBuilder<R> {
    return this.#with({ select: [...(this.json.select ?? []), as ? { ...value, as } : value] });
  }
}

/**
 * Starts a query of entity `entity`, typed by the record types `M`.
 *
 * @example from<{ Invoice: Invoice }, "Invoice">("Invoice").where((o) => o.status.eq("sent")).toJSON()
 * // { from: "Invoice", where: { left: { field: "status" }, op: "eq", value: "sent" } }
 */
export function from<M extends RecordTypes = RecordTypes, E extends keyof M & string = keyof M & string>(entity: E): QueryBuilder<M[E] & object> {
  return new QueryBuilder<M[E] & object>({ from: entity });
}
