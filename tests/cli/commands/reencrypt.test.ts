/**
 * `weave reencrypt` end to end, in process, on PGlite (the app's .weave/pglite) and on Postgres
 * (--url): a field that becomes `encrypted` gets its plaintext values encrypted; a new key first
 * in WEAVE_ENCRYPTION_KEYS gets every value re-sealed with it; `--check` counts; exit codes.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { compileApp } from "../../../compiler/index.ts";
import { keyRing, openColumn } from "../../../runtime/crypto/index.ts";
import { createDatabase, type Database } from "../../../runtime/db/create-database.ts";
import { forEachDatabase } from "../../helpers/db.ts";
import { tempApps, weave } from "../temp-app.ts";

const OLD = randomBytes(32).toString("base64");
const NEW = randomBytes(32).toString("base64");

const patient = (encrypted: boolean) => `{schema:entity}
entity: Patient
fields:
  name: { type: string, required: true }
  iban: { type: string${encrypted ? ", encrypted: true" : ""} }
  pin: { type: int${encrypted ? ", encrypted: true" : ""} }
  born: { type: date${encrypted ? ", encrypted: true" : ""} }
policies:
  read: "true"
`;

forEachDatabase("weave reencrypt", (target) => {
  let apps: ReturnType<typeof tempApps>;
  const url = () => (target.kind === "postgres" ? ["--url", target.url!] : []);
  const run = (env: Record<string, string>, ...argv: string[]) => weave(apps.dir, [...argv, ...url()], env);
  const withDatabase = async <T>(fn: (db: Database) => Promise<T>): Promise<T> => {
    const database = target.kind === "postgres" ? createDatabase({ url: target.url! }) : createDatabase({ dataDir: join(apps.dir, "app/.weave/pglite") });
    try {
      return await fn(database);
    } finally {
      await database.close();
    }
  };

  beforeAll(async () => {
    apps = tempApps({ app: { "weave.yaml": "{schema:app}\nweave: 0\napp: clinic\n", "domain/patient.entity.yaml": patient(false) } });
    // `migrate create` plans from the files alone: it takes no --url.
    expect((await weave(apps.dir, ["migrate", "create", "app", "--name", "initial"])).code).toBe(0);
    expect((await run({}, "migrate", "apply", "app")).code).toBe(0);
    await withDatabase((db) => sql`insert into patients (name, iban, pin, born) values ('ann', 'CH93 0076 2011 6238 5295 7', 1234, '1990-05-17'), ('bob', null, null, null)`.execute(db.kysely));
    writeFileSync(join(apps.dir, "app/domain/patient.entity.yaml"), patient(true).replace("{schema:entity}", "# yaml-language-server: $schema=../../../../schema/entity.schema.json"));
    const created = await weave(apps.dir, ["migrate", "create", "app", "--name", "encrypt", "--allow-destructive"]);
    expect(created.err).toBe("");
    expect((await run({}, "migrate", "apply", "app")).code).toBe(0);
  }, 60_000);
  afterAll(() => apps.remove());

  const values = async (env: Record<string, string>) => {
    const { ir } = await compileApp(join(apps.dir, "app"));
    const entity = ir!.entities.find((e) => e.name === "Patient")!;
    const ring = keyRing(env);
    const field = (name: string) => entity.fields.find((f) => f.name === name)!;
    return withDatabase(async (db) => {
      const { rows } = await sql<{ iban: string; pin: string; born: string }>`select iban, pin, born from patients where name = 'ann'`.execute(db.kysely);
      const row = rows[0]!;
      return { stored: row, iban: openColumn(entity, field("iban"), row.iban, ring), pin: openColumn(entity, field("pin"), row.pin, ring), born: openColumn(entity, field("born"), row.born, ring) };
    });
  };

  test("--help, a missing key and a bad option", async () => {
    const help = await weave(apps.dir, ["reencrypt", "--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toContain("weave reencrypt [dir] [options]");
    const nokey = await run({}, "reencrypt", "app");
    expect(nokey.code).toBe(1);
    expect(nokey.err).toContain("WEAVE_ENCRYPTION_KEY is not set");
    expect((await run({ WEAVE_ENCRYPTION_KEY: OLD }, "reencrypt", "app", "--batch-size", "0")).code).toBe(2);
  });

  test("a field that became encrypted: --check finds plaintext, reencrypt encrypts it, values read back as written", async () => {
    const env = { WEAVE_ENCRYPTION_KEY: OLD };
    const before = await run(env, "reencrypt", "app", "--check");
    expect(before.code).toBe(1);
    expect(before.out).toContain("patients.iban: 1 not encrypted");
    const done = await run(env, "reencrypt", "app", "--batch-size", "1");
    expect({ code: done.code, err: done.err }).toEqual({ code: 0, err: "" });
    expect(done.out).toContain("patients.iban: 0 re-encrypted, 1 encrypted");
    const read = await values(env);
    expect(read.stored.iban).toStartWith("v1:default:");
    expect(read).toMatchObject({ iban: "CH93 0076 2011 6238 5295 7", pin: 1234, born: "1990-05-17" });
    expect((await run(env, "reencrypt", "app", "--check")).code).toBe(0);
  });

  test("rotation: the new key first re-seals every value; --json reports the counts", async () => {
    const env = { WEAVE_ENCRYPTION_KEYS: `k2:${NEW},default:${OLD}` };
    expect((await run(env, "reencrypt", "app", "--check")).code).toBe(1);
    const done = await run(env, "reencrypt", "app", "--json");
    expect(done.code).toBe(0);
    expect(JSON.parse(done.out)).toMatchObject({ key: "k2", columns: { "patients.iban": { rotated: 1, encrypted: 0 }, "patients.pin": { rotated: 1, encrypted: 0 } } });
    const again = JSON.parse((await run(env, "reencrypt", "app", "--json")).out);
    expect(Object.values(again.columns)).toEqual([{ rotated: 0, encrypted: 0 }, { rotated: 0, encrypted: 0 }, { rotated: 0, encrypted: 0 }]);
    // The old key can go: everything reads with the new one alone.
    expect((await values({ WEAVE_ENCRYPTION_KEYS: `k2:${NEW}` })).iban).toBe("CH93 0076 2011 6238 5295 7");
    const wrong = await run({ WEAVE_ENCRYPTION_KEYS: `k3:${OLD}` }, "reencrypt", "app");
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain("add it to WEAVE_ENCRYPTION_KEYS");
  });
});
