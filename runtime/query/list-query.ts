/**
 * A list request after validation against the model: what `parseListQuery` gives and the SQL
 * passes read. Every path in it is one the entity's list query model allows
 * (compiler/generators/openapi `listQueryModel`, the same one the OpenAPI document lists); every
 * value is typed.
 */
import type { FilterOp } from "../../compiler/generators/openapi/index.ts";
import type { IREntity } from "../../compiler/ir/index.ts";
import type { RecordField, Scalar } from "../records/record-fields.ts";
import type { RelationJoin } from "../records/relations.ts";

export type { FilterOp };

/** A path reached from the listed entity: `customer.name` is one relation hop, then a field. */
export interface FieldPath {
  /** The path as the request wrote it. */
  readonly text: string;
  /** Relation hops to a single record (a `ref` or `one`), outermost first. */
  readonly steps: readonly (RelationJoin & { kind: "foreignKey" | "inverse" })[];
  /** The entity whose field ends the path. */
  readonly entity: IREntity;
  readonly field: RecordField;
  /** Members of an embedded field after it: `address.city` is field `address`, members `["city"]`. */
  readonly members: readonly string[];
  /** A polymorphic ref's part: `subject.type` or `subject.id`. */
  readonly part?: "type" | "id";
  /** The type of its value; undefined for values that only `isNull` tests (json, embedded, a polymorphic ref). */
  readonly scalar: Scalar | undefined;
}

export interface Filter {
  readonly path: FieldPath;
  readonly op: FilterOp;
  /** The converted value: a list for in/nin, a boolean for isNull. */
  readonly value: unknown;
}

export interface SortKey {
  readonly path: FieldPath & { readonly scalar: Scalar };
  readonly descending: boolean;
}

export interface PageQuery {
  readonly size: number;
  /** The decoded `page[after]` cursor: one text (or null) per sort key. */
  readonly after?: readonly (string | null)[];
  readonly offset?: number;
}

export interface ListQuery {
  readonly filters: readonly Filter[];
  /** The full order, the record's identity last, so it is total and pages are stable. */
  readonly sort: readonly SortKey[];
  /** `q=`: a websearch_to_tsquery text. */
  readonly search?: string;
  readonly page: PageQuery;
  /** Relations to include, each loaded with one more statement. */
  readonly include: readonly RelationJoin[];
  /** Sparse fieldset; absent: every field. */
  readonly fields?: ReadonlySet<string>;
  readonly count: boolean;
}

/** What a single-record read takes from the query string. */
export interface RecordQuery {
  readonly include: readonly RelationJoin[];
  readonly fields?: ReadonlySet<string>;
}
