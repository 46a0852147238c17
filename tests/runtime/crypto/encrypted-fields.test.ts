/**
 * `encrypted` fields end to end, on PGlite and on Postgres: an inline model migrated from scratch,
 * written and read through the API (`app.handle`), the columns checked to hold only envelopes,
 * and the failures that must be loud: a wrong or missing key, a ciphertext moved to another
 * column, a filter or sort on an encrypted field. Then a key rotation with `reencrypt`.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { planMigration, renderMigrationFile } from "../../../compiler/generators/sql/index.ts";
import type { IR } from "../../../compiler/ir/index.ts";
import { auditChanges, MASK } from "../../../runtime/audit/index.ts";
import { encryptionKeyUsage, reencrypt } from "../../../runtime/crypto/index.ts";
import { applyMigrations, writeMigration } from "../../../runtime/db/index.ts";
import { createServer, type WeaveServer } from "../../../runtime/index.ts";
import { forEachDatabase } from "../../helpers/db.ts";
import { loadSpec, yaml } from "../../helpers/spec-app.ts";

const TENANT = "00000000-0000-4000-8000-00000000000a";
const USER = "00000000-0000-4000-8000-000000000001";
const OLD_KEY = randomBytes(32).toString("base64");
const NEW_KEY = randomBytes(32).toString("base64");

const SPEC = {
  "domain/patient.entity.yaml": yaml`
    {schema}
    entity: Patient
    tenant: true
    fields:
      name: { type: string, required: true }
      iban: { type: string, encrypted: true }
      pin: { type: string, encrypted: true }
      score: { type: int, encrypted: true }
      born: { type: date, encrypted: true }
      fee: { type: money, encrypted: true }
      chart: { type: json, encrypted: true }
      status: { type: state, machine: lifecycle }
    states:
      lifecycle:
        initial: open
        states: { open: {}, closed: {} }
        transitions:
          close: { from: open, to: closed, effects: [{ set: { pin: "'0000'" } }] }
    policies: { read: "true", write: "tenant.member" }
  `,
};

/** Sets the key variables for the rest of the test (undefined removes one). */
function keys(env: { one?: string; many?: string }): void {
  if (env.one === undefined) delete process.env.WEAVE_ENCRYPTION_KEY;
  else process.env.WEAVE_ENCRYPTION_KEY = env.one;
  if (env.many === undefined) delete process.env.WEAVE_ENCRYPTION_KEYS;
  else process.env.WEAVE_ENCRYPTION_KEYS = env.many;
}

const saved = { one: process.env.WEAVE_ENCRYPTION_KEY, many: process.env.WEAVE_ENCRYPTION_KEYS };
afterAll(() => keys(saved));

forEachDatabase("encrypted fields", (target) => {
  let ir: IR;
  let dir: string;
  let server: WeaveServer;
  const call = async (method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = { [ir.app.tenancy.header]: TENANT, "x-weave-user": USER, "x-weave-tenant-roles": "admin" };
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await server.app.handle(new Request(`http://localhost${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }));
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const rows = async (query: string) => (await sql.raw(query).execute(target.db)).rows as Record<string, any>[];

  beforeAll(async () => {
    keys({ one: OLD_KEY });
    ir = (await loadSpec(SPEC)).ir;
    dir = mkdtempSync(join(tmpdir(), "weave-encrypted-"));
    const plan = planMigration(undefined, ir);
    writeMigration(dir, "0001_initial", renderMigrationFile("0001", "initial", undefined, ir.hash, plan.steps), ir);
    expect((await applyMigrations(target.database, { dir })).problems).toEqual([]);
    server = createServer(ir, { database: target.database, devIdentity: true, log: false });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  let patient: { id: string; version: number };
  const secrets = { iban: "DE89370400440532013000", pin: "4711", score: 42, born: "1980-02-29", fee: "1234.50", feeCurrency: "CHF", chart: { allergies: ["penicillin"], weight: 71.5 } };

  test("every encrypted column is text, whatever the field type", async () => {
    const types = await rows(`select column_name, data_type from information_schema.columns where table_name = 'patients' and column_name in ('iban', 'score', 'born', 'fee', 'fee_currency', 'chart') order by column_name`);
    expect(Object.fromEntries(types.map((r) => [r.column_name, r.data_type]))).toEqual({ born: "text", chart: "text", fee: "text", fee_currency: "character", iban: "text", score: "text" });
  });

  test("create and read through the API round-trip every type; the columns hold envelopes, no plaintext", async () => {
    const created = await call("POST", "/api/patients", { name: "Ada", ...secrets });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Ada", ...secrets });
    patient = created.body;
    expect((await call("GET", `/api/patients/${patient.id}`)).body).toMatchObject(secrets);
    const [row] = await rows(`select iban, pin, score, born, fee, chart from patients where id = '${patient.id}'`);
    for (const value of Object.values(row!)) expect(value).toMatch(/^v1:default:[A-Za-z0-9+/=]{16}:[A-Za-z0-9+/=]+$/);
    const all = JSON.stringify(row);
    for (const plain of ["DE89370400440532013000", "4711", "1980-02-29", "1234.5", "penicillin"]) expect(all).not.toContain(plain);
    // A fresh IV per value: the same plaintext twice is two different ciphertexts.
    const twin = await call("POST", "/api/patients", { name: "Twin", iban: secrets.iban });
    const [again] = await rows(`select iban from patients where id = '${twin.body.id}'`);
    expect(again!.iban).not.toBe(row!.iban);
  });

  test("update re-encrypts; null stays null; list reads decrypt", async () => {
    const updated = await call("PATCH", `/api/patients/${patient.id}`, { version: patient.version, iban: "CH9300762011623852957", score: null });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ iban: "CH9300762011623852957", score: null, pin: "4711" });
    patient = updated.body;
    const [row] = await rows(`select iban, score from patients where id = '${patient.id}'`);
    expect(row!.score).toBeNull();
    expect(row!.iban).not.toContain("CH93");
    const list = await call("GET", "/api/patients");
    expect(list.body.data.find((p: { id: string }) => p.id === patient.id)).toMatchObject({ iban: "CH9300762011623852957" });
  });

  test("a transition's set effect on an encrypted field is encrypted", async () => {
    const closed = await call("POST", `/api/patients/${patient.id}/transitions/close`, {});
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: "closed", pin: "0000" });
    const [row] = await rows(`select pin from patients where id = '${patient.id}'`);
    expect(row!.pin).toMatch(/^v1:default:/);
  });

  test("audit entries mask encrypted fields", () => {
    const entity = ir.entities.find((e) => e.name === "Patient")!;
    expect(auditChanges(entity, { name: "A", iban: "x", score: null }, { name: "B", iban: "y", score: 3 })).toEqual({ before: { name: "A", iban: MASK, score: null }, after: { name: "B", iban: MASK, score: MASK } });
  });

  test("filtering or sorting on an encrypted field is a 400 naming it", async () => {
    const filtered = await call("GET", "/api/patients?filter[iban][eq]=DE89370400440532013000");
    expect(filtered.status).toBe(400);
    expect(filtered.body.errors).toEqual([expect.objectContaining({ path: "/filter[iban]", code: "encryptedField", message: expect.stringContaining("iban is encrypted") })]);
    const sorted = await call("GET", "/api/patients?sort=-score");
    expect(sorted.status).toBe(400);
    expect(sorted.body.detail).toContain("score is encrypted and cannot be sorted on");
  });

  test("a wrong key is a clear error, not garbage", async () => {
    keys({ one: NEW_KEY });
    const read = await call("GET", `/api/patients/${patient.id}`);
    expect(read.status).toBe(500);
    expect(read.body.detail).toContain("patients.iban does not decrypt with key `default`");
    expect(JSON.stringify(read.body)).not.toContain("CH93");
    keys({ one: OLD_KEY });
  });

  test("a missing or malformed key is an error naming the variable", async () => {
    keys({});
    const missing = await call("POST", "/api/patients", { name: "No key", iban: "x" });
    expect(missing.status).toBe(500);
    expect(missing.body.detail).toContain("WEAVE_ENCRYPTION_KEY is not set");
    keys({ one: "c2hvcnQ=" });
    expect((await call("GET", `/api/patients/${patient.id}`)).body.detail).toContain("WEAVE_ENCRYPTION_KEY is not the base64 of 32 bytes");
    keys({ one: OLD_KEY });
    // Nothing was written without a key.
    expect(await rows(`select id from patients where name = 'No key'`)).toEqual([]);
  });

  test("a ciphertext moved to another column does not decrypt", async () => {
    const made = await call("POST", "/api/patients", { name: "Moved", iban: "DE02120300000000202051", pin: "1234" });
    await rows(`update patients set pin = iban where id = '${made.body.id}'`);
    const read = await call("GET", `/api/patients/${made.body.id}`);
    expect(read.status).toBe(500);
    expect(read.body.detail).toContain("patients.pin does not decrypt");
    await rows(`delete from patients where id = '${made.body.id}'`);
  });

  test("rotation: add the new key first, reencrypt, then drop the old key", async () => {
    // 1. The new key first (it encrypts), the old one after it (it still decrypts).
    keys({ many: `k2:${NEW_KEY},default:${OLD_KEY}` });
    expect((await call("GET", `/api/patients/${patient.id}`)).body).toMatchObject({ iban: "CH9300762011623852957" });
    const fresh = await call("POST", "/api/patients", { name: "New", iban: "NL91ABNA0417164300" });
    expect((await rows(`select iban from patients where id = '${fresh.body.id}'`))[0]!.iban).toMatch(/^v1:k2:/);
    // 2. Re-encrypt what the old key sealed; a second run has nothing to do.
    const before = await encryptionKeyUsage(target.db, ir);
    expect(before["patients.iban"]).toEqual({ default: 2, k2: 1 });
    const done = await reencrypt(target.db, ir, { batchSize: 1 });
    expect(done["patients.iban"]).toEqual({ rotated: 2, encrypted: 0 });
    expect(Object.values(await reencrypt(target.db, ir)).every((n) => n.rotated === 0 && n.encrypted === 0)).toBe(true);
    const after = await encryptionKeyUsage(target.db, ir);
    for (const counts of Object.values(after)) expect(Object.keys(counts).filter((k) => k !== "k2")).toEqual([]);
    // 3. The old key removed: everything still reads.
    keys({ many: `k2:${NEW_KEY}` });
    const read = await call("GET", `/api/patients/${patient.id}`);
    expect(read.body).toMatchObject({ iban: "CH9300762011623852957", pin: "0000", born: "1980-02-29", chart: secrets.chart, fee: "1234.50" });
    keys({ one: OLD_KEY });
  });
});
