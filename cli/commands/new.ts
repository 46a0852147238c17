/**
 * `weave new <dir>`: write a ready app into a new (or empty) folder: weave.yaml, an entity with a
 * state machine, roles and rules, demo seed data, editor settings, package.json, README and
 * .gitignore. The files come from cli/new/templates.ts.
 */
import { mkdirSync, readdirSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { displayPath } from "../app-dir.ts";
import { CliError, defineCommand, ExitCode } from "../command.ts";
import { DEMO_USERS, templateFiles } from "../new/templates.ts";
import { appNameFrom, defaultWeaveSpec } from "../new/weave-spec.ts";
import { writeFileAtomic } from "../write-file.ts";

const APP_NAME = /^[a-z][a-z0-9-]*$/;

export const newApp = defineCommand({
  name: "new",
  summary: "Create a ready app in a new folder: model, policies, demo data and editor settings",
  usage: [
    "weave new <dir> [options]",
    "",
    "Writes a small task tracker into <dir> (which must not exist or be empty): weave.yaml, a Task",
    "entity with a state machine, roles and rules, seed data with demo users, .vscode/settings.json",
    "pointing at weave's schemas, package.json, README.md and .gitignore. Then:",
    "  cd <dir> && bun install && bunx weave dev",
  ].join("\n"),
  args: [{ name: "dir", description: "Folder to create the app in" }],
  options: {
    name: { type: "string", value: "<app>", description: "The app's name, kebab-case (default: from the folder's name)" },
    "weave-spec": { type: "string", value: "<spec>", description: "npm spec of @weave-dev/weave in package.json (default: this weave)" },
    json: { type: "boolean", description: "Print { dir, name, files } as JSON" },
  },
  async run({ values, positionals }, io) {
    const given = positionals[0];
    if (given === undefined) throw new CliError("missing <dir>: name the folder to create the app in, e.g. weave new my-app");
    const dir = resolve(io.cwd, given);
    checkEmpty(dir, given);
    const name = values.name ?? appNameFrom(basename(dir));
    if (name === undefined || !APP_NAME.test(name)) throw new CliError(`invalid app name '${name ?? basename(dir)}': app names are kebab-case, like tasks or field-service; give one with --name`);
    const files = templateFiles({ name, weaveSpec: values["weave-spec"] ?? defaultWeaveSpec() });
    mkdirSync(dir, { recursive: true });
    for (const [path, text] of Object.entries(files)) writeFileAtomic(join(dir, path), text);
    const shown = displayPath(dir, io.cwd);
    if (values.json) io.stdout.write(`${JSON.stringify({ dir: shown, name, files: Object.keys(files) }, null, 2)}\n`);
    else io.stdout.write(summary(shown, name, Object.keys(files)));
    return ExitCode.ok;
  },
});

/** A folder that exists with anything in it is refused: weave new never overwrites. */
function checkEmpty(dir: string, given: string): void {
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (!stat) return;
  if (!stat.isDirectory()) throw new CliError(`${given} exists and is not a folder`);
  if (readdirSync(dir).length > 0) throw new CliError(`${given} is not empty: weave new writes only into a new or empty folder`);
}

function summary(shown: string, name: string, files: readonly string[]): string {
  const demo = DEMO_USERS[0];
  return [
    `created ${name} in ${shown}`,
    ...files.map((f) => `  ${f}`),
    "",
    "next:",
    `  cd ${/\s/.test(shown) ? JSON.stringify(shown) : shown}`,
    "  bun install",
    "  bunx weave dev",
    `then sign in as ${demo.email} / ${demo.password} (see README.md)`,
    "",
  ].join("\n");
}
