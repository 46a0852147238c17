/**
 * Tables for the fixture app's IR and a handful of rows with nulls in every column, written with plain DDL
 * (the schema generator is tested elsewhere: here only the columns matter), and the same rows loaded back
 * as the records the JS evaluator reads (relations linked, virtual computed fields evaluated).
 */
import { evaluate, type ExprScope } from "../../../../../compiler/expr/index.ts";
import type { Expr, IR } from "../../../../../compiler/ir/index.ts";
import type { TestDb } from "./databases.ts";

type EntityIR = IR["entities"][number];
type Row = Record<string, unknown>;

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

export const USER_1 = uuid(901);
export const USER_2 = uuid(902);
export const TENANT = uuid(903);
const [C1, C2, C3, P1, PR1, PR2] = [uuid(11), uuid(12), uuid(13), uuid(21), uuid(31), uuid(32)];
const [I1, I2, I3, I4] = [uuid(41), uuid(42), uuid(43), uuid(44)];
export const CUSTOMER_1 = C1;

/** Rows by table, columns by name; every nullable column is null somewhere. */
export const ROWS: Record<string, Row[]> = {
  customers: [
    { id: C1, name: "Acme", vip: true, owner: USER_1 },
    { id: C2, name: null, vip: null, owner: null },
    { id: C3, name: "Émile", vip: false, owner: USER_2 },
  ],
  profiles: [{ id: P1, bio: "hello", customer_id: C1 }],
  products: [
    { id: PR1, name: "Tea" },
    { id: PR2, name: null },
  ],
  tags: [
    { id: 1, name: "urgent" },
    { id: 2, name: "b" },
  ],
  invoices: [
    {
      id: I1, number: "INV-1", customer_id: C1, status: "sent", total: "150.00", rate: "0.1900", qty: 3, due: "2024-05-01",
      sent_at: "2024-04-30T12:00:00Z", paid: true, notes: "Tea time", owner: USER_1,
      meta: { kind: "x", n: 2, flag: true, items: [1, 2] }, subject_type: "Customer", subject_id: C1,
      address: { city: "Berlin", zip: 10115 }, contacts: [{ name: "Ann", vip: true }, { name: "Bob", vip: null }],
      big: true, doubled: "300.00", quadrupled: "600.00",
    },
    {
      id: I2, number: "INV-2", customer_id: null, status: null, total: null, rate: null, qty: null, due: null, sent_at: null,
      paid: null, notes: null, owner: null, meta: null, subject_type: null, subject_id: null, address: null, contacts: null,
      big: null, doubled: null, quadrupled: null,
    },
    {
      id: I3, number: "inv-3 é", customer_id: C2, status: "draft", total: "0.00", rate: "0.5000", qty: -7, due: "2023-12-31",
      sent_at: "2024-06-01T00:00:00Z", paid: false, notes: "", owner: USER_2, meta: { kind: null, n: "5" },
      subject_type: "Product", subject_id: PR1, address: { city: null }, contacts: [], big: false, doubled: "0.00", quadrupled: "0.00",
    },
    {
      id: I4, number: "it's", customer_id: C3, status: "paid", total: "99.99", rate: "3.0000", qty: 2, due: "2025-01-31",
      sent_at: "2023-01-01T08:00:00+02:00", paid: false, notes: "a\\b 'q'", owner: null, meta: { kind: 5, flag: false, n: 2.0 }, subject_type: null,
      subject_id: null, address: { city: "Zürich", zip: 8000 }, contacts: [{ name: "Zoë", vip: false }], big: false,
      doubled: "199.98", quadrupled: "399.96",
    },
  ],
  invoice_lines: [
    { id: uuid(51), invoice_id: I1, product_id: PR1, qty: 2, price: "10.00", total: "20.00" },
    { id: uuid(52), invoice_id: I1, product_id: null, qty: null, price: "5.50", total: null },
    { id: uuid(53), invoice_id: I1, product_id: PR2, qty: 1, price: "130.00", total: "130.00" },
    { id: uuid(54), invoice_id: I3, product_id: PR1, qty: 0, price: "0.00", total: "0.00" },
    { id: uuid(55), invoice_id: I4, product_id: PR2, qty: 1, price: "99.99", total: "99.99" },
  ],
  invoice_tags_links: [
    { invoice_id: I1, tag_id: 1 },
    { invoice_id: I1, tag_id: 2 },
    { invoice_id: I3, tag_id: 2 },
    { invoice_id: I4, tag_id: 1 },
  ],
};

const COLUMN_TYPES: Record<string, string> = {
  string: "text", text: "text", email: "text", enum: "text", state: "text", int: "integer", boolean: "boolean",
  date: "date", datetime: "timestamptz", uuid: "uuid", json: "jsonb", embedded: "jsonb", file: "jsonb",
};

function columnType(ir: IR, field: EntityIR["fields"][number]): string {
  if (field.type === "decimal" || field.type === "money") return `numeric(${field.precision ?? 18}, ${field.scale ?? 2})`;
  if (field.relation && field.storage === "foreignKey") {
    const target = ir.entities.find((e) => e.name === field.relation!.to[0]);
    return target?.id === "serial" ? "bigint" : "uuid";
  }
  if (field.storage === "polymorphic") return "uuid";
  return COLUMN_TYPES[field.type]!;
}

/** CREATE TABLE statements for every entity of the IR. */
export function createTables(ir: IR): string[] {
  return ir.entities.map((entity) => {
    const columns: string[] = [];
    if (entity.id !== "none") columns.push(`"id" ${entity.id === "serial" ? "bigint" : "uuid"} primary key`);
    for (const field of entity.fields) {
      if (!field.column) continue;
      columns.push(`"${field.column}" ${columnType(ir, field)}`);
      if (field.storage === "polymorphic") columns.push(`"${field.column.replace(/_id$/, "_type")}" text`);
    }
    columns.push(`"created_at" timestamptz not null default '2024-01-01T00:00:00Z'`, `"updated_at" timestamptz not null default '2024-01-02T00:00:00Z'`);
    columns.push(`"created_by" uuid`, `"updated_by" uuid`, `"version" integer not null default 1`);
    return `create table "${entity.table}" (${columns.join(", ")})`;
  });
}

/** Creates the tables and inserts ROWS. */
export async function seed(db: TestDb, ir: IR): Promise<void> {
  for (const statement of createTables(ir)) await db.query(statement);
  for (const [table, rows] of Object.entries(ROWS)) {
    for (const row of rows) {
      const columns = Object.keys(row);
      const values = columns.map((c) => (typeof row[c] === "object" && row[c] !== null ? JSON.stringify(row[c]) : row[c]));
      const placeholders = columns.map((c, i) => `$${i + 1}${typeof row[c] === "object" && row[c] !== null ? "::text::jsonb" : ""}`);
      await db.query(`insert into "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) values (${placeholders.join(", ")})`, values);
    }
  }
}

const SYSTEM: Record<string, string> = { createdAt: "created_at", updatedAt: "updated_at", createdBy: "created_by", updatedBy: "updated_by", version: "version" };

/**
 * Every record of the database as the evaluator reads it: fields by name, refs as the loaded records, many
 * relations as arrays (in id order), virtual computed fields evaluated on access.
 */
export async function loadRecords(db: TestDb, ir: IR, scope: (entity: string) => ExprScope): Promise<Map<string, Row[]>> {
  const byEntity = new Map<string, Row[]>();
  const byId = new Map<string, Row>();
  const raw = new Map<string, Row[]>();
  for (const entity of ir.entities) {
    const rows = await db.query(`select * from "${entity.table}"${entity.id === "none" ? "" : ` order by "id"`}`);
    raw.set(entity.name, rows);
    const records = rows.map((row) => {
      const record: Row = {};
      if (entity.id !== "none") record.id = entity.id === "serial" ? Number(row.id) : row.id;
      for (const [name, column] of Object.entries(SYSTEM)) record[name] = row[column];
      if (entity.id !== "none") byId.set(`${entity.name}:${String(row.id)}`, record);
      return record;
    });
    byEntity.set(entity.name, records);
  }
  const find = (entity: string, id: unknown) => (id === null || id === undefined ? null : (byId.get(`${entity}:${String(id)}`) ?? null));
  for (const entity of ir.entities) {
    const records = byEntity.get(entity.name)!;
    raw.get(entity.name)!.forEach((row, i) => link(ir, entity, row, records[i]!, { find, byEntity, raw, scope }));
  }
  return byEntity;
}

interface Links {
  find(entity: string, id: unknown): Row | null;
  byEntity: Map<string, Row[]>;
  raw: Map<string, Row[]>;
  scope(entity: string): ExprScope;
}

function link(ir: IR, entity: EntityIR, row: Row, record: Row, links: Links): void {
  const lazy = (name: string, get: () => unknown) => Object.defineProperty(record, name, { get, enumerable: true });
  for (const field of entity.fields) {
    const relation = field.relation;
    if (field.computed && field.storage === "virtual") {
      const types = links.scope(entity.name);
      // evaluate() takes a mutable Expr; the IR's is readonly (it is only read).
      lazy(field.name, () => evaluate(field.computed!.ast as Expr, { variables: { record }, types }));
    } else if (relation?.kind === "polymorphic") {
      lazy(field.name, () => links.find(String(row[field.column!.replace(/_id$/, "_type")]), row[field.column!]));
    } else if (relation && field.storage === "foreignKey") {
      lazy(field.name, () => links.find(relation.to[0]!, row[field.column!]));
    } else if (relation?.kind === "many" || (relation?.kind === "one" && field.storage === "relation")) {
      const target = ir.entities.find((e) => e.name === relation.to[0])!;
      const column = target.fields.find((f) => f.name === relation.inverse)!.column!;
      const children = () => links.raw.get(target.name)!.flatMap((r, i) => (r[column] === record.id ? [links.byEntity.get(target.name)![i]!] : []));
      lazy(field.name, () => (relation.kind === "one" ? (children()[0] ?? null) : children()));
    } else if (relation?.kind === "many-to-many") {
      const through = ir.entities.find((e) => e.name === relation.through)!;
      const column = (name: string) => through.fields.find((f) => f.name === name)!.column!;
      lazy(field.name, () =>
        links.raw
          .get(through.name)!
          .filter((r) => String(r[column(relation.throughSource!)]) === String(record.id))
          .map((r) => links.find(relation.to[0]!, r[column(relation.throughTarget!)]))
          .sort((a, b) => (String(a!.id) < String(b!.id) ? -1 : 1)),
      );
    } else if (field.column) {
      record[field.name] = row[field.column];
    }
  }
}
