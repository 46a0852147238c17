/**
 * `weave reencrypt [dir]`: brings every value of the app's `encrypted` fields under the primary
 * key (rotation), and encrypts the values of fields that became `encrypted` while holding
 * plaintext. `--check` only counts. Exit 0 when done (or, with --check, when nothing is left to
 * do), 1 on problems, 2 on usage errors.
 */
import type { IR } from "../../compiler/ir/index.ts";
import { encryptionKeyUsage, EncryptionError, keyRing, reencrypt, type ReencryptResult } from "../../runtime/crypto/index.ts";
import { appDir } from "../app-dir.ts";
import { CliError, defineCommand, ExitCode } from "../command.ts";
import { compileTimed } from "../compile.ts";
import type { Io } from "../io.ts";
import { describeTarget, resolveTarget } from "../migrate/target.ts";
import { isDatabaseError, openTarget } from "../serve/database.ts";

const NOT_ENCRYPTED = "(not encrypted)";

export const reencryptCommand = defineCommand({
  name: "reencrypt",
  summary: "Re-encrypt encrypted fields with the newest key; encrypt values still in plaintext",
  usage: [
    "weave reencrypt [dir] [options]",
    "",
    "Re-seals every value of the app's encrypted fields that another key than the first of",
    "WEAVE_ENCRYPTION_KEYS sealed, and encrypts the values of fields that became `encrypted` while",
    "holding plaintext. Rows keep their version and updatedAt. Safe to run again: a second run",
    "finds nothing to do. Run it after deploying a new key first in WEAVE_ENCRYPTION_KEYS, before",
    "removing the old one (spec/persistence.md, \"Key rotation\"), and after migrating a field to",
    "`encrypted`. It reads every tenant's rows: use a database role that owns the tables.",
    "",
    "--check changes nothing: it counts the values by key and exits 1 while any is not under the",
    "first key (or not encrypted).",
    "",
    "The keys come from WEAVE_ENCRYPTION_KEYS or WEAVE_ENCRYPTION_KEY. The database is --url, else",
    "$DATABASE_URL (or the variable named by database.url: env:NAME in weave.yaml), else the",
    "embedded PGlite in the app's database.embedded folder (default .weave/pglite).",
  ].join("\n"),
  args: [{ name: "dir", description: "App folder holding weave.yaml (default: .)" }],
  options: {
    url: { type: "string", value: "<url>", description: "Postgres URL (default: $DATABASE_URL, else the embedded PGlite)" },
    check: { type: "boolean", description: "Only count the values by key; exit 1 while any is left to re-encrypt" },
    "batch-size": { type: "string", value: "<n>", description: "Rows read per statement", default: "500" },
    json: { type: "boolean", description: "Print the result as JSON" },
  },
  async run({ values, positionals }, io) {
    if (positionals.length > 1) throw new CliError(`unexpected argument '${positionals[1]}'; usage: weave reencrypt [dir] [options]`);
    const batchSize = Number(values["batch-size"]);
    if (!/^[1-9][0-9]{0,5}$/.test(values["batch-size"] ?? "")) throw new CliError(`--batch-size must be an integer from 1 to 999999, not '${values["batch-size"]}'`);
    const dir = appDir(positionals[0] ?? ".", io.cwd);
    const { result } = await compileTimed(dir);
    if (!result.ir) {
      io.stderr.write(`weave reencrypt: the app has errors; run 'weave check ${positionals[0] ?? "."}' to see them\n`);
      return ExitCode.problems;
    }
    const ir = result.ir;
    const target = resolveTarget(dir, values.url, io.env, ir);
    const where = describeTarget(target, io.cwd);
    let ring;
    try {
      ring = keyRing(io.env);
    } catch (error) {
      if (!(error instanceof EncryptionError)) throw error;
      io.stderr.write(`weave reencrypt: ${error.message}\n`);
      return ExitCode.problems;
    }
    const opened = openTarget(target, io.cwd);
    if (typeof opened === "string") {
      io.stderr.write(`weave reencrypt: ${opened}\n`);
      return ExitCode.problems;
    }
    const { database } = opened;
    try {
      if (values.check) return await check(io, ir, database.kysely, ring.primary.id, where, values.json);
      const done = await reencrypt(database.kysely, ir, { ring, batchSize });
      io.stdout.write(values.json ? `${JSON.stringify({ database: where, key: ring.primary.id, columns: done }, null, 2)}\n` : report(done, ring.primary.id, where));
      return ExitCode.ok;
    } catch (error) {
      if (!(error instanceof EncryptionError) && !isDatabaseError(error)) throw error;
      io.stderr.write(`weave reencrypt: ${error instanceof EncryptionError ? "" : `database error on ${where}: `}${(error as Error).message}\n`);
      return ExitCode.problems;
    } finally {
      await database.close();
    }
  },
});

/** `--check`: the values of each column by key id; exit 1 while any is not under `primary`. */
async function check(io: Io, ir: IR, db: Parameters<typeof encryptionKeyUsage>[0], primary: string, where: string, json: boolean): Promise<number> {
  const usage = await encryptionKeyUsage(db, ir);
  const left = Object.values(usage).reduce((n, counts) => n + Object.entries(counts).filter(([key]) => key !== primary).reduce((m, [, c]) => m + c, 0), 0);
  if (json) io.stdout.write(`${JSON.stringify({ database: where, key: primary, columns: usage, left }, null, 2)}\n`);
  else {
    const lines = Object.entries(usage).map(([column, counts]) => `  ${column}: ${Object.entries(counts).map(([key, n]) => `${n} ${key === NOT_ENCRYPTED ? "not encrypted" : `under ${key}`}`).join(", ") || "no values"}`);
    io.stdout.write(`${lines.join("\n")}${lines.length > 0 ? "\n" : ""}${left === 0 ? `every value is under ${primary}` : `${left} ${left === 1 ? "value is" : "values are"} not under ${primary}: run weave reencrypt`} (${where})\n`);
  }
  return left === 0 ? ExitCode.ok : ExitCode.problems;
}

function report(done: ReencryptResult, primary: string, where: string): string {
  const columns = Object.entries(done);
  if (columns.length === 0) return `the app has no encrypted fields (${where})\n`;
  const lines = columns.map(([column, n]) => `  ${column}: ${n.rotated} re-encrypted, ${n.encrypted} encrypted`);
  return `${lines.join("\n")}\nevery value is now under ${primary} (${where})\n`;
}
