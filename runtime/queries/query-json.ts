/**
 * The JSON form of a query: what the TS DSL (components/client/query-dsl.ts) builds, what
 * `POST /api/query` accepts, and what a saved query lowers to (its `columns`, `groupBy`, `having`
 * and `orderBy` in the IR). Identifiers in it are names of the model, checked against the IR
 * before any SQL is written; values only ever become parameters.
 */
import type { QueryCondition, QueryOperand, QueryOrder, QueryValue } from "../../compiler/ir/index.ts";

export type { QueryCondition, QueryOperand, QueryOrder, QueryValue };

/** A selected value and the name of its column in each row. */
export type QuerySelection = QueryOperand & { readonly as?: string };

/** A relation joined into the query: a path from the root (`lines`, `customer`, `lines.product`). */
export interface QueryJoin {
  readonly relation: string;
  /** Keep rows without a (readable) related row, with nulls; default: an inner join. */
  readonly left?: boolean;
}

/**
 * A query as JSON.
 *
 * @example
 *   const query: QueryJson = {
 *     from: "Invoice",
 *     where: { left: { field: "total" }, op: "gt", value: 100 },
 *     select: [{ field: "customer.name" }, { agg: "sum", field: "total", as: "revenue" }],
 *     groupBy: [{ field: "customer.name" }],
 *     orderBy: [{ by: { column: "revenue" }, desc: true }],
 *     limit: 10,
 *   };
 */
export interface QueryJson {
  readonly from: string;
  readonly join?: readonly QueryJoin[];
  readonly where?: QueryCondition;
  readonly select?: readonly QuerySelection[];
  readonly groupBy?: readonly QueryOperand[];
  readonly having?: QueryCondition;
  readonly orderBy?: readonly QueryOrder[];
  readonly limit?: number;
  readonly offset?: number;
}

export const AGGREGATES = ["count", "sum", "avg", "min", "max"] as const;
export const BUCKETS = ["day", "week", "month", "quarter", "year"] as const;
export const WINDOWS = ["rowNumber", "rank", "denseRank", "count", "sum", "avg", "min", "max"] as const;
export const OPERATORS = ["eq", "ne", "lt", "lte", "gt", "gte", "in", "nin", "contains", "startsWith", "isNull"] as const;

export type Aggregate = (typeof AGGREGATES)[number];
export type Bucket = (typeof BUCKETS)[number];
export type WindowFn = (typeof WINDOWS)[number];
export type Operator = (typeof OPERATORS)[number];
