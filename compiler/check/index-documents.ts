import type { Reporter } from "../diagnostics/reporter.ts";
import { locate } from "../load/locate.ts";
import type { SourceFile } from "../load/source-file.ts";
import { emptyModel, type EntityLike, type Located, type Model } from "./model.ts";
import { RESERVED_ENTITY_NAMES, RESERVED_FIELD_NAMES } from "./reserved.ts";

type Doc = Record<string, unknown>;

/**
 * Indexes the valid documents of an app by name: entities, roles, permissions, shared rules,
 * queries, workflows, locales, seeds. Reports duplicate names (WV300), reserved names (WV304)
 * and entity files named after another entity (WV106).
 *
 * @example
 *   const model = indexDocuments(root, validFiles, reporter);
 *   model.entities.get("Invoice")?.spec.fields;
 */
export function indexDocuments(root: string, files: readonly SourceFile[], reporter: Reporter): Model {
  const model = emptyModel(root, files);
  for (const file of files) INDEXERS[file.kind](model, file, file.data as Doc, reporter);
  return model;
}

const INDEXERS: Record<SourceFile["kind"], (model: Model, file: SourceFile, doc: Doc, reporter: Reporter) => void> = {
  app: (model, file, doc) => void (model.app = { file, path: [], spec: doc }),
  entity: indexEntity,
  policy: indexPolicy,
  workflow: (model, file, doc, reporter) => addUnique(model.workflows, String(doc.workflow), { file, path: ["workflow"], spec: doc }, "workflow", reporter),
  query: (model, file, doc, reporter) => addUnique(model.queries, String(doc.query), { file, path: ["query"], spec: doc }, "query", reporter),
  theme: (model, file, doc) => void (model.theme = { file, path: [], spec: doc }),
  i18n: (model, file, doc) => void model.i18n.set(localeOf(file.path), { file, path: [], spec: doc }),
  seed: (model, file, doc) => void model.seeds.push({ file, path: [], spec: doc }),
  dashboard: (model, file, doc, reporter) => addUnique(model.dashboards, String(doc.dashboard), { file, path: ["dashboard"], spec: doc }, "dashboard", reporter),
};

function indexEntity(model: Model, file: SourceFile, doc: Doc, reporter: Reporter): void {
  const spec = doc as unknown as EntityLike;
  const name = spec.entity;
  if (RESERVED_ENTITY_NAMES.has(name)) {
    reporter.report("WV304", locate(file, ["entity"]), `entity name \`${name}\` is reserved: weave generates a table of that name`, `rename it, e.g. \`${name}Profile\``);
  }
  for (const field of Object.keys(spec.fields)) {
    if (RESERVED_FIELD_NAMES.has(field)) {
      reporter.report("WV304", locate(file, ["fields", field], "key"), `field name \`${field}\` is reserved: weave adds it to every record`, "choose another name; system fields are always available");
    }
  }
  const expected = kebab(name);
  const base = file.path.split("/").pop()!.replace(/\.entity\.ya?ml$/, "");
  if (base.replace(/-/g, "") !== expected.replace(/-/g, "")) {
    reporter.report("WV106", locate(file, ["entity"]), `entity \`${name}\` is in ${file.path}`, `name the file domain/${expected}.entity.yaml`);
  }
  addUnique(model.entities, name, { file, path: ["entity"], spec }, "entity", reporter);
}

function indexPolicy(model: Model, file: SourceFile, doc: Doc, reporter: Reporter): void {
  for (const [name, spec] of Object.entries((doc.roles ?? {}) as Record<string, Doc>)) {
    addUnique(model.roles, name, { file, path: ["roles", name], spec }, "role", reporter);
  }
  for (const [name, spec] of Object.entries((doc.permissions ?? {}) as Record<string, Doc>)) {
    addUnique(model.permissions, name, { file, path: ["permissions", name], spec }, "permission", reporter);
  }
  for (const [name, spec] of Object.entries((doc.rules ?? {}) as Record<string, string>)) {
    addUnique(model.rules, name, { file, path: ["rules", name], spec }, "shared rule", reporter);
  }
}

function addUnique<T>(map: Map<string, Located<T>>, name: string, item: Located<T>, what: string, reporter: Reporter): void {
  const first = map.get(name);
  if (!first) return void map.set(name, item);
  const where = `${first.file.path}:${locate(first.file, first.path, "key").line}`;
  reporter.report("WV300", locate(item.file, item.path, "key"), `${what} \`${name}\` is already defined in ${where}`, `rename one of them`);
}

/** The locale of an i18n file: its name without extension (`i18n/pt-BR.yaml` -> `pt-BR`). */
export function localeOf(path: string): string {
  return path.split("/").pop()!.replace(/\.ya?ml$/, "");
}

/** `InvoiceLine` -> `invoice-line`. */
export function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").replace(/([A-Z])([A-Z][a-z])/g, "$1-$2").toLowerCase();
}
