import type { DbCheck, DbColumn, DbConstraint, DbForeignKey, DbIndex, DbTable, DbTrigger } from "../schema/db-schema.ts";

/**
 * One schema change. The planner produces these; `ddl/convertors.ts` writes each kind as SQL,
 * and adding a kind fails the type check until it has a convertor.
 */
export type Statement =
  | { kind: "createTable"; table: DbTable }
  | { kind: "dropTable"; table: string }
  | { kind: "renameTable"; from: string; to: string }
  | { kind: "addColumn"; table: string; column: DbColumn }
  | { kind: "assertEmpty"; table: string; reason: string }
  | { kind: "backfill"; table: string; column: string; value: string }
  | { kind: "replaceValue"; table: string; column: string; from: string; to: string }
  | { kind: "dropColumn"; table: string; column: string }
  | { kind: "renameColumn"; table: string; from: string; to: string }
  | { kind: "alterColumnType"; table: string; column: string; type: string; from: string }
  | { kind: "setNotNull"; table: string; column: string }
  | { kind: "dropNotNull"; table: string; column: string }
  | { kind: "setDefault"; table: string; column: string; default: string }
  | { kind: "dropDefault"; table: string; column: string }
  | { kind: "addPrimaryKey"; table: string; constraint: DbConstraint }
  | { kind: "addUnique"; table: string; constraint: DbConstraint }
  | { kind: "addCheck"; table: string; check: DbCheck }
  | { kind: "addForeignKey"; table: string; foreignKey: DbForeignKey }
  | { kind: "dropConstraint"; table: string; name: string }
  | { kind: "renameConstraint"; table: string; from: string; to: string }
  | { kind: "renameIndex"; from: string; to: string }
  | { kind: "createIndex"; table: string; index: DbIndex; concurrently: boolean }
  | { kind: "dropIndex"; name: string }
  | { kind: "enableRls"; table: string }
  | { kind: "disableRls"; table: string }
  | { kind: "createTenantPolicy"; table: string }
  | { kind: "dropTenantPolicy"; table: string }
  | { kind: "createTriggerFunction"; trigger: DbTrigger }
  | { kind: "createTrigger"; table: string; trigger: DbTrigger }
  | { kind: "dropTrigger"; table: string; name: string }
  | { kind: "dropTriggerFunction"; name: string };

export type StatementKind = Statement["kind"];

/** A statement of one kind. */
export type StatementOf<K extends StatementKind> = Extract<Statement, { kind: K }>;
