/**
 * Small app folders written to a temp directory for the CLI's end-to-end tests.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { memoryIo } from "../../cli/io.ts";
import { main } from "../../cli/main.ts";

export const repoRoot = join(import.meta.dir, "../..");

/** Files by path relative to the app folder. `{schema:<kind>}` becomes the modeline for that kind. */
export type AppFiles = Record<string, string>;

/** A temp folder (removed by `remove`) holding one app folder per name. */
export function tempApps(apps: Record<string, AppFiles>): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "weave-cli-"));
  for (const [name, files] of Object.entries(apps)) writeApp(join(dir, name), files);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function writeApp(appDir: string, files: AppFiles): void {
  for (const [path, text] of Object.entries(files)) {
    const file = join(appDir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text.replace(/\{schema:(\w+)\}/g, (_, kind: string) => modeline(file, kind)));
  }
}

function modeline(file: string, kind: string): string {
  const schema = relative(dirname(file), join(repoRoot, "schema", `${kind}.schema.json`));
  return `# yaml-language-server: $schema=${schema}`;
}

const appYaml = "{schema:app}\nweave: 0\napp: demo\n";

const customer = `{schema:entity}
entity: Customer
fields:
  name: { type: string, required: true }
policies:
  read: "true"
`;

/** No problems at all. */
export const cleanApp: AppFiles = { "weave.yaml": appYaml, "domain/customer.entity.yaml": customer };

/** One WV301: a ref to an entity that does not exist. */
export const brokenApp: AppFiles = {
  "weave.yaml": appYaml,
  "domain/customer.entity.yaml": customer,
  "domain/invoice.entity.yaml": `{schema:entity}
entity: Invoice
fields:
  customer: { type: ref, to: Custmer }
policies:
  read: "true"
`,
};

/** Warnings only: a spec file without its modeline (WV107). */
export const warningApp: AppFiles = { "weave.yaml": "weave: 0\napp: demo\n", "domain/customer.entity.yaml": customer };

/** A folder with no weave.yaml (WV104). */
export const emptyApp: AppFiles = { "README.md": "not an app\n" };

/** Runs `weave <argv>` in process, in `cwd`, and captures what it printed. */
export async function weave(cwd: string, argv: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo({ cwd, env });
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}
