/**
 * The database schema weave derives from an IR: plain data, so two of them can be diffed into
 * a migration. Names follow spec/persistence.md; SQL fragments (types, defaults, checks) are
 * normalised text so that equal definitions compare equal.
 */
export interface DbSchema {
  readonly tables: readonly DbTable[];
  /** Entities renamed since the previous model (old name -> new name), for values that hold entity names. */
  readonly entityRenames?: Readonly<Record<string, string>>;
}

export interface DbTable {
  readonly name: string;
  /** The entity the table stores. */
  readonly entity: string;
  /** The table's name before a rename declared with the entity's `renamedFrom`. */
  readonly renamedFrom?: string;
  readonly columns: readonly DbColumn[];
  readonly primaryKey: DbConstraint;
  readonly uniques: readonly DbConstraint[];
  readonly checks: readonly DbCheck[];
  readonly foreignKeys: readonly DbForeignKey[];
  readonly indexes: readonly DbIndex[];
  /** Row-level security for tenant isolation. */
  readonly rls: boolean;
  readonly triggers: readonly DbTrigger[];
}

export interface DbColumn {
  readonly name: string;
  /** SQL type as written in DDL: `text`, `numeric(18,2)`, `timestamptz`, `uuid`, ... */
  readonly type: string;
  readonly nullable: boolean;
  /** SQL default expression. */
  readonly default?: string;
  /** `GENERATED ALWAYS AS (...) STORED` expression. */
  readonly generated?: string;
  /** `GENERATED ALWAYS AS IDENTITY` (serial ids). */
  readonly identity?: boolean;
  /** The column's name before a rename declared with the field's `renamedFrom`. */
  readonly renamedFrom?: string;
  /** SQL that fills existing rows when the column is added as required (a field's backfill). */
  readonly backfill?: string;
  /** `Entity.field` this column stores, for messages. */
  readonly source: string;
  /** A polymorphic ref's type column: the entity names it may hold. */
  readonly entityNames?: readonly string[];
}

export interface DbConstraint {
  readonly name: string;
  readonly columns: readonly string[];
}

export interface DbCheck {
  readonly name: string;
  readonly sql: string;
}

export interface DbForeignKey {
  readonly name: string;
  readonly columns: readonly string[];
  readonly refTable: string;
  readonly refColumns: readonly string[];
  /** `RESTRICT`, `CASCADE` or `SET NULL (col)`. */
  readonly onDelete: string;
}

export interface DbIndex {
  readonly name: string;
  /** Column names, or SQL expressions in parentheses. */
  readonly columns: readonly string[];
  readonly using: "btree" | "gin" | "gist" | "hash";
  readonly unique: boolean;
  readonly where?: string;
}

export interface DbTrigger {
  readonly name: string;
  /** The plpgsql function the trigger runs; named like the trigger. */
  readonly functionBody: string;
  readonly timing: "BEFORE" | "AFTER";
  readonly events: readonly ("INSERT" | "UPDATE" | "DELETE")[];
}
