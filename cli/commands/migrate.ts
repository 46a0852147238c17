/**
 * `weave migrate <plan|create|apply|status|reset> [dir]`: database migrations planned from the
 * model, written for review, and applied safely. The subcommands live in cli/migrate/.
 */
import { appDir } from "../app-dir.ts";
import { CliError, defineCommand } from "../command.ts";
import { applyCommand, resetCommand, statusCommand } from "../migrate/apply.ts";
import type { MigrateContext, MigrateValues } from "../migrate/context.ts";
import { createCommand, planCommand } from "../migrate/plan.ts";
import { didYouMean } from "../suggest.ts";

const SUBCOMMANDS = {
  plan: { run: planCommand, summary: "show the steps the next migration would have, or why they are refused" },
  create: { run: createCommand, summary: "write them to migrations/NNNN_<name>.sql with the model snapshot beside it" },
  apply: { run: applyCommand, summary: "apply pending migrations, each in one transaction under an advisory lock" },
  status: { run: statusCommand, summary: "list applied, pending, modified and missing migrations" },
  reset: { run: resetCommand, summary: "development only: drop everything in the database, then apply every migration" },
} as const;

type Subcommand = keyof typeof SUBCOMMANDS;
const NAMES = Object.keys(SUBCOMMANDS) as Subcommand[];

/** The subcommands each option means something to; any other use is a usage error. */
const OPTION_SCOPE: Readonly<Record<keyof MigrateValues, readonly Subcommand[]>> = {
  url: ["apply", "status", "reset"],
  name: ["create"],
  "allow-destructive": ["plan", "create"],
  online: ["apply", "reset"],
  offline: ["apply", "reset"],
  json: ["plan", "apply", "status"],
  sql: ["plan"],
  "drop-only": ["reset"],
};

const USAGE = [
  "weave migrate <subcommand> [dir] [options]",
  "",
  "Subcommands:",
  ...NAMES.map((name) => `  ${name.padEnd(6)}  ${SUBCOMMANDS[name].summary}`),
  "",
  "The database is --url, else $DATABASE_URL (or the variable named by database.url: env:NAME in",
  "weave.yaml), else the embedded PGlite in the app's database.embedded folder (default .weave/pglite).",
].join("\n");

export const migrate = defineCommand({
  name: "migrate",
  summary: "Plan, create and apply database migrations; show their status; reset a development database",
  usage: USAGE,
  args: [
    { name: "subcommand", description: NAMES.join(", ") },
    { name: "dir", description: "App folder holding weave.yaml (default: .)" },
  ],
  options: {
    url: { type: "string", value: "<url>", description: "apply, status, reset: Postgres URL (default: $DATABASE_URL, else PGlite)" },
    name: { type: "string", value: "<name>", description: "create: the migration's name (default: initial, or from its first step)" },
    "allow-destructive": { type: "boolean", description: "plan, create: allow drops and narrowing type changes" },
    online: { type: "boolean", description: "apply, reset: run concurrently steps after the commit, outside a transaction (Postgres only)" },
    offline: { type: "boolean", description: "apply, reset: run every step inside the transaction, CONCURRENTLY removed (the default)" },
    json: { type: "boolean", description: "plan, apply, status: print JSON" },
    sql: { type: "boolean", description: "plan: print the migration file that create would write" },
    "drop-only": { type: "boolean", description: "reset: drop everything without applying the migrations again" },
  },
  async run({ values, positionals }, io) {
    const subcommand = parseSubcommand(positionals[0]);
    checkScope(subcommand, values);
    const ctx: MigrateContext = { dir: appDir(positionals[1] ?? ".", io.cwd), values, io };
    return SUBCOMMANDS[subcommand].run(ctx);
  },
});

function parseSubcommand(given: string | undefined): Subcommand {
  if (given === undefined) throw new CliError(`missing subcommand; valid subcommands: ${NAMES.join(", ")}`);
  if ((NAMES as string[]).includes(given)) return given as Subcommand;
  throw new CliError(`unknown subcommand '${given}'${didYouMean(given, NAMES)}; valid subcommands: ${NAMES.join(", ")}`);
}

function checkScope(subcommand: Subcommand, values: MigrateValues): void {
  for (const [option, scope] of Object.entries(OPTION_SCOPE) as [keyof MigrateValues, readonly Subcommand[]][]) {
    const given = values[option] !== undefined && values[option] !== false;
    if (given && !scope.includes(subcommand)) throw new CliError(`option --${option} does not apply to '${subcommand}'; it applies to ${scope.join(", ")}`);
  }
}
