/**
 * The files `weave new` writes: a small task tracker that compiles clean, with one entity and its
 * state machine, roles and shared rules, seed data with demo users, editor settings that point
 * at weave's JSON Schemas, and a package.json depending on weave. Kept as code (not a folder of
 * files) so a compiled weave binary carries them.
 */

export interface TemplateOptions {
  /** The app's name (kebab-case). */
  readonly name: string;
  /** The npm spec of weave in package.json: `^0.1.0`, `file:/path/to/weave`. */
  readonly weaveSpec: string;
}

/** Where the JSON Schemas are once the app's dependencies are installed, from the app folder. */
const SCHEMAS = "node_modules/@weave-dev/weave/schema";

/** The schema modeline of a spec file at `path` (relative to the app folder). */
function modeline(path: string, kind: string): string {
  const up = "../".repeat(path.split("/").length - 1);
  return `# yaml-language-server: $schema=${up}${SCHEMAS}/${kind}.schema.json`;
}

/** "field-service" -> "Field service". */
function title(name: string): string {
  const words = name.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The demo accounts the seed data creates, for the README and the tests. */
export const DEMO_USERS = [
  { email: "admin@example.com", password: "demo-admin-1", name: "Ada Admin", roles: ["admin"] },
  { email: "member@example.com", password: "demo-member-1", name: "Max Member", roles: ["member"] },
] as const;

/**
 * Every file of a new app by path.
 *
 * @example Object.keys(templateFiles({ name: "tasks", weaveSpec: "^0.1.0" })); // ["weave.yaml", "domain/task.entity.yaml", ...]
 */
export function templateFiles(options: TemplateOptions): Record<string, string> {
  return {
    "weave.yaml": weaveYaml(options),
    "domain/task.entity.yaml": taskEntity(),
    "policies/roles.policy.yaml": rolesPolicy(),
    "seed/demo.yaml": demoSeed(),
    ".vscode/settings.json": vscodeSettings(),
    "package.json": packageJson(options),
    "README.md": readme(options),
    ".gitignore": ".weave/\nnode_modules/\n",
  };
}

function weaveYaml({ name }: TemplateOptions): string {
  return `${modeline("weave.yaml", "app")}
# The app file: settings for the whole app. The model lives in domain/ and policies/.
weave: 0
app: ${name}
title: ${title(name)}
version: 0.1.0

database:
  # An embedded Postgres (PGlite) keeps its data here: nothing to install.
  embedded: .weave/pglite
  # Set DATABASE_URL to use a real Postgres instead.
  url: env:DATABASE_URL

auth:
  password: true
`;
}

function taskEntity(): string {
  return `${modeline("domain/task.entity.yaml", "entity")}
entity: Task
label: Task
plural: Tasks
description: Something to do, moving from to do to done.
# Seed data and URLs name a task by its code instead of its uuid.
key: code

fields:
  code:
    type: slug
    label: Code
    required: true
    unique: true
    maxLength: 40
  title:
    type: string
    label: Title
    required: true
    maxLength: 200
  notes:
    type: text
    label: Notes
  due:
    type: date
    label: Due on
  status:
    # Only the transitions below change it.
    type: state
    label: Status
    machine: progress

states:
  progress:
    field: status
    initial: todo
    states:
      todo: { label: To do }
      doing: { label: Doing }
      done: { label: Done }
    transitions:
      start: { from: todo, to: doing, label: Start }
      finish: { from: doing, to: done, label: Finish }
      reopen: { from: [doing, done], to: todo, label: Reopen, allow: "$isAdmin" }

policies:
  read: "$signedIn"
  create: "$isMember"
  update: "$isMember"
  delete: "$isAdmin"

views:
  list:
    columns: [code, title, due, status]
    filters: [status]
    sort: [due]
`;
}

function rolesPolicy(): string {
  return `${modeline("policies/roles.policy.yaml", "policy")}
# Who may do what. Entities name roles and the shared rules below, never users.
roles:
  admin:
    label: Administrator
    description: Does everything a member does, and may reopen and delete tasks.
    inherits: [member]
  member:
    label: Member
    description: Creates tasks and moves them along.

rules:
  signedIn: "user.id != null"
  isMember: "'member' in user.roles"
  isAdmin: "'admin' in user.roles"
`;
}

function demoSeed(): string {
  const users = DEMO_USERS.map((u) => `  - { email: ${u.email}, name: ${u.name}, password: ${u.password}, roles: [${u.roles.join(", ")}] }`);
  return `${modeline("seed/demo.yaml", "seed")}
# Demo data, loaded by \`weave dev\` into an empty database (and by \`weave seed\`).
# Demo passwords only: write \`password: env:NAME\` for anything shared.
users:
${users.join("\n")}

records:
  Task:
    - { code: try-weave, title: Sign in and look around, status: doing }
    - { code: edit-the-model, title: Add a field to domain/task.entity.yaml, due: "2030-01-31" }
`;
}

function vscodeSettings(): string {
  const kinds: [string, string[]][] = [
    ["app", ["weave.yaml"]],
    ["entity", ["domain/*.entity.yaml"]],
    ["policy", ["policies/*.policy.yaml"]],
    ["workflow", ["workflows/*.workflow.yaml"]],
    ["query", ["queries/*.query.yaml"]],
    ["theme", ["ui/theme.yaml"]],
    ["i18n", ["i18n/*.yaml"]],
    ["seed", ["seed/*.yaml"]],
  ];
  const schemas = Object.fromEntries(kinds.map(([kind, globs]) => [`./${SCHEMAS}/${kind}.schema.json`, globs]));
  return `${JSON.stringify({ "yaml.schemas": schemas }, null, 2)}\n`;
}

function packageJson({ name, weaveSpec }: TemplateOptions): string {
  const pkg = {
    name,
    private: true,
    type: "module",
    scripts: { dev: "weave dev", check: "weave check", seed: "weave seed", migrate: "weave migrate" },
    dependencies: { "@weave-dev/weave": weaveSpec },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function readme({ name }: TemplateOptions): string {
  const accounts = DEMO_USERS.map((u) => `| ${u.email} | ${u.password} | ${u.roles.join(", ")} |`);
  return `# ${title(name)}

A [weave](https://github.com/weave-dev/weave) app: the model in \`domain/\` and \`policies/\` gives
the database, the REST API and its policies, and the app's screens.

## Start

\`\`\`sh
bun install
bunx weave dev
\`\`\`

\`weave dev\` compiles the model, brings the embedded database (\`.weave/pglite\`) to it, loads
\`seed/demo.yaml\` into it the first time, and serves the app on http://localhost:3000/app/
and the API on http://localhost:3000/api (docs at http://localhost:3000/api/docs). Edits to the
model reach the running app as you save. Sign in with a demo account:

| email | password | roles |
| --- | --- | --- |
${accounts.join("\n")}

## Change the model

- \`domain/task.entity.yaml\`: the Task entity, its fields and its state machine.
- \`policies/roles.policy.yaml\`: the roles and the shared rules the policies use.
- \`seed/demo.yaml\`: demo data; \`bunx weave seed --reset\` loads it again from scratch.

\`bunx weave check\` reports mistakes with file, line and a hint. Your editor completes and checks
the YAML files once \`bun install\` has run (\`.vscode/settings.json\` points at weave's schemas).
`;
}
