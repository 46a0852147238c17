import { afterEach, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { createDatabase, DEFAULT_DATA_DIR, type Database, redactUrl } from "../../../runtime/db/create-database.ts";
import { forEachDatabase } from "../../helpers/db.ts";

forEachDatabase("createDatabase", (target) => {
  test("values come back alike on both: date and bigint as strings, numeric as string, timestamptz as Date", async () => {
    const { rows } = await sql<Record<string, unknown>>`select '2024-02-29'::date as day, 9007199254740993::int8 as big, 12.50::numeric(18,2) as amount,
      '2024-01-02T03:04:05Z'::timestamptz as at, '{"a":[1]}'::jsonb as doc, 7::int4 as small, true as yes`.execute(target.db);
    expect(rows[0]).toEqual({ day: "2024-02-29", big: "9007199254740993", amount: "12.50", at: new Date("2024-01-02T03:04:05Z"), doc: { a: [1] }, small: 7, yes: true });
  });

  test("a Date parameter for a date column is its UTC calendar day", async () => {
    const { rows } = await sql<{ day: string }>`select ${new Date("2024-03-01T23:30:00Z")}::date as day`.execute(target.db);
    expect(rows[0]!.day).toBe("2024-03-01");
  });

  test("close lets a running transaction finish", async () => {
    const database = target.kind === "postgres" ? target.connect() : createDatabase({ dataDir: "memory", loadDataDir: (await target.database.pglite!.dumpDataDir("none")) });
    const running = database.kysely.transaction().execute(async (trx) => {
      await sql`select pg_sleep(0.3)`.execute(trx);
      return (await sql<{ n: number }>`select 1 as n`.execute(trx)).rows[0]!.n;
    });
    await Bun.sleep(50);
    await database.close();
    expect(await running).toBe(1);
  }, 30_000);

  test("kind and location say which database it is, without a password", () => {
    expect(target.database.kind).toBe(target.kind);
    expect(target.database.location).not.toContain("secret");
  });
});

describe("createDatabase", () => {
  let dir: string | undefined;
  const opened: Database[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((d) => d.close()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("PGlite keeps its data in the app's data folder (default .weave/pglite) across reopening", async () => {
    dir = mkdtempSync(join(tmpdir(), "weave-db-"));
    const first = createDatabase({ appDir: dir });
    expect(first.location).toBe(join(dir, DEFAULT_DATA_DIR));
    await sql`create table kept (n int)`.execute(first.kysely);
    await sql`insert into kept values (42)`.execute(first.kysely);
    await first.close();
    const second = createDatabase({ appDir: dir });
    opened.push(second);
    expect((await sql<{ n: number }>`select n from kept`.execute(second.kysely)).rows).toEqual([{ n: 42 }]);
  }, 30_000);

  test("close is idempotent, also for a database that never ran a query", async () => {
    const database = createDatabase({ dataDir: "memory" });
    await Promise.all([database.close(), database.close()]);
    await database.close();
    expect(database.pglite!.closed).toBe(true);
    const postgresDatabase = createDatabase({ url: "postgres://nobody:secret@127.0.0.1:1/none" });
    await postgresDatabase.close();
    await postgresDatabase.close();
  }, 30_000);

  test("a Postgres URL that cannot be reached fails on the first query, not when opening", async () => {
    const database = createDatabase({ url: "postgres://nobody:secret@127.0.0.1:1/none", pool: { connectTimeoutSeconds: 2 } });
    opened.push(database);
    expect(database.location).toBe("postgres://nobody:***@127.0.0.1:1/none");
    await expect(sql`select 1`.execute(database.kysely)).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });

  test.each([
    ["postgres://app:s3cret@db:5432/app", "postgres://app:***@db:5432/app"],
    ["postgres://app@db/app", "postgres://app@db/app"],
    ["not a url", "<unparsable database URL>"],
  ])("redactUrl(%p)", (url, want) => {
    expect(redactUrl(url)).toBe(want);
  });
});
