/**
 * `weave audit verify [dir]`: walks the audit log's hash chain and reports the first row that was
 * changed or deleted. Exit 0 when the chain holds, 1 when it is broken (or the database failed).
 */
import { verifyAudit, type AuditVerification } from "../../runtime/audit/verify.ts";
import { appDir } from "../app-dir.ts";
import { CliError, defineCommand, ExitCode } from "../command.ts";
import { compileTimed } from "../compile.ts";
import { describeTarget, resolveTarget } from "../migrate/target.ts";
import { isDatabaseError, openTarget } from "../serve/database.ts";

const SUBCOMMANDS = ["verify"] as const;

export const audit = defineCommand({
  name: "audit",
  summary: "Verify the audit log's hash chain: find a changed or deleted entry",
  usage: [
    "weave audit verify [dir] [options]",
    "",
    "Recomputes the hash of every weave_audit row, oldest first, and checks that each row's",
    "prev_hash is the hash of the row before it. Reports the first row that was changed, or that",
    "follows a deleted row; exit code 1 when the chain is broken. Rows removed from the end leave",
    "a valid, shorter chain: keep the last id and hash it prints to notice that.",
    "",
    "The database is --url, else $DATABASE_URL (or the variable named by database.url: env:NAME in",
    "weave.yaml), else the embedded PGlite in the app's database.embedded folder (default .weave/pglite).",
  ].join("\n"),
  args: [
    { name: "subcommand", description: SUBCOMMANDS.join(", ") },
    { name: "dir", description: "App folder holding weave.yaml (default: .)" },
  ],
  options: {
    url: { type: "string", value: "<url>", description: "Postgres URL (default: $DATABASE_URL, else the embedded PGlite)" },
    json: { type: "boolean", description: "Print the result as JSON" },
  },
  async run({ values, positionals }, io) {
    const subcommand = positionals[0];
    if (subcommand !== "verify") throw new CliError(subcommand === undefined ? "missing subcommand; valid subcommands: verify" : `unknown subcommand '${subcommand}'; valid subcommands: verify`);
    const dir = appDir(positionals[1] ?? ".", io.cwd);
    // The model only tells where the database is; an app with errors still has its default location.
    const { result } = await compileTimed(dir);
    const target = resolveTarget(dir, values.url, io.env, result.ir);
    const where = describeTarget(target, io.cwd);
    const opened = openTarget(target, io.cwd);
    if (typeof opened === "string") {
      io.stderr.write(`weave audit: ${opened}\n`);
      return ExitCode.problems;
    }
    const { database } = opened;
    try {
      const verification = await verifyAudit(database);
      io.stdout.write(values.json ? `${JSON.stringify({ database: where, ...verification }, null, 2)}\n` : report(verification, where));
      return verification.ok ? ExitCode.ok : ExitCode.problems;
    } catch (error) {
      if (!isDatabaseError(error)) throw error;
      io.stderr.write(`weave audit: database error on ${where}: ${(error as Error).message}\n`);
      return ExitCode.problems;
    } finally {
      await database.close();
    }
  },
});

function report(result: AuditVerification, where: string): string {
  const last = result.last ? `; last verified row ${result.last.id}, hash ${result.last.hash}` : "";
  if (result.ok) return `audit chain intact: ${result.rows} ${result.rows === 1 ? "row" : "rows"} in ${where}${last}\n`;
  return `audit chain BROKEN in ${where}: ${result.broken!.message}\n${result.rows - 1} rows before it verified${last}\n`;
}
