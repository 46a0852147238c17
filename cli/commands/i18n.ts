/**
 * `weave i18n extract [dir]`: write every message key of the model into i18n/<locale>.yaml for
 * each of the app's locales, keeping existing texts and comments. `--check` writes nothing and
 * fails when a locale misses keys (for CI).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { hasErrors } from "../../compiler/diagnostics/diagnostic.ts";
import { messageKeys } from "../../compiler/generators/i18n/keys.ts";
import { appDir, displayPath } from "../app-dir.ts";
import { CliError, defineCommand, ExitCode } from "../command.ts";
import { compileTimed } from "../compile.ts";
import { useColor } from "../format/ansi.ts";
import { pretty } from "../format/pretty.ts";
import { updateLocale } from "../i18n/extract.ts";
import { buildReport } from "../report.ts";
import { writeFileAtomic } from "../write-file.ts";

const SCHEMA = fileURLToPath(new URL("../../schema/i18n.schema.json", import.meta.url));

export const i18n = defineCommand({
  name: "i18n",
  summary: "Write the model's message keys into the locale files (i18n extract)",
  usage: [
    "weave i18n extract [dir] [options]",
    "",
    "For each locale of the app (locales.supported in weave.yaml, or --locale), adds the message keys",
    "of the model missing from i18n/<locale>.yaml with the model's text, keeping existing texts,",
    "comments and order. In locales other than the default, added texts are marked '# untranslated'.",
    "Keys the model no longer uses are listed (removed with --prune); app.* and ui.* keys are yours.",
  ].join("\n"),
  args: [
    { name: "action", description: "extract" },
    { name: "dir", description: "App folder holding weave.yaml (default: .)" },
  ],
  options: {
    locale: { type: "string", value: "<locale>", description: "Only this locale (default: every supported one)" },
    check: { type: "boolean", description: "Write nothing; exit 1 when a locale misses keys" },
    prune: { type: "boolean", description: "Remove keys the model no longer uses" },
    json: { type: "boolean", description: "Print the result per locale as JSON" },
  },
  async run({ values, positionals }, io) {
    if (positionals[0] !== "extract") throw new CliError(positionals[0] ? `unknown action '${positionals[0]}'; the only action is extract` : "missing action; try 'weave i18n extract'");
    const dir = appDir(positionals[1] ?? ".", io.cwd);
    const { result } = await compileTimed(dir);
    if (result.diagnostics.length > 0) io.stderr.write(pretty(buildReport(result, { cwd: io.cwd, color: useColor(io.stderr, io.env) })));
    if (hasErrors(result.diagnostics) || !result.ir) return ExitCode.problems;
    const { ir } = result;
    const locales = values.locale ? [values.locale] : ir.app.locales.supported;
    if (values.locale && !ir.app.locales.supported.includes(values.locale)) throw new CliError(`'${values.locale}' is not among the app's locales (${ir.app.locales.supported.join(", ")})`);
    const keys = messageKeys(ir);
    const report = locales.map((locale) => {
      const path = join(dir, "i18n", `${locale}.yaml`);
      const source = existsSync(path) ? readFileSync(path, "utf8") : undefined;
      const modeline = `# yaml-language-server: $schema=${relative(dirname(path), SCHEMA)}`;
      const update = updateLocale(source, keys, { isDefault: locale === ir.app.locales.default, modeline, prune: values.prune && !values.check });
      if (update.text !== undefined && !values.check) writeFileAtomic(path, update.text);
      return { locale, path: displayPath(path, io.cwd), added: update.added, unused: update.unused, removed: update.removed };
    });
    if (values.json) io.stdout.write(`${JSON.stringify({ check: values.check, locales: report }, null, 2)}\n`);
    else for (const r of report) io.stdout.write(summary(r, values.check));
    return values.check && report.some((r) => r.added.length > 0) ? ExitCode.problems : ExitCode.ok;
  },
});

function summary(r: { path: string; added: readonly string[]; unused: readonly string[]; removed: readonly string[] }, check: boolean): string {
  const lines = [`${r.path}: ${r.added.length} ${check ? "missing" : "added"}, ${r.removed.length} removed, ${r.unused.length} unused`];
  if (check) for (const key of r.added) lines.push(`  missing ${key}`);
  for (const key of r.unused) lines.push(`  unused ${key}`);
  return `${lines.join("\n")}\n`;
}
