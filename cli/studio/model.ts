/**
 * What the Studio shows: the app's entities with their fields, relations, state machines, indexes,
 * policies and views, each with its origin (file:line), read from the compiled model; the field
 * types offered come from schema/entity.schema.json. While the files have errors the last model
 * that compiled is shown, with the diagnostics.
 */
import { join, resolve } from "node:path";
import { compileApp } from "../../compiler/index.ts";
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.ts";
import type { IR, IREntity, IRField } from "../../compiler/ir/index.ts";
import type { StudioEntity, StudioField, StudioModel as WireModel } from "../../components/studio/studio-client.ts";

export type { StudioEntity, StudioField } from "../../components/studio/studio-client.ts";

/** The Studio's model as served (the wire types are the Studio client's), with the compiler's diagnostics. */
export interface StudioModel extends Omit<WireModel, "diagnostics"> {
  /** The problems of the files on disk; the entities are the last model that compiled. */
  readonly diagnostics: readonly Diagnostic[];
}

const schemaPath = join(import.meta.dir, "../../schema/entity.schema.json");

/**
 * Reads the model of the app in `dir`; `previous` is shown while the files do not compile.
 *
 * @example const model = await readModel("examples/invoicing");
 */
export async function readModel(dir: string, previous?: IR): Promise<{ model: StudioModel | undefined; ir: IR | undefined }> {
  const result = await compileApp(dir);
  const ir = result.ir ?? previous;
  if (!ir) return { model: undefined, ir: undefined };
  const model: StudioModel = {
    app: { name: ir.app.name, tenancy: ir.app.tenancy?.enabled === true, hash: ir.hash, root: resolve(dir) },
    entities: ir.entities.filter((e) => !e.generated).map(entityOf),
    fieldTypes: await fieldTypes(),
    diagnostics: result.diagnostics,
  };
  return { model, ir };
}

function entityOf(e: IREntity): StudioEntity {
  const sections = (list: readonly { readonly label?: string; readonly fields: readonly string[] }[]) => list.map((s) => ({ ...(s.label ? { label: s.label } : {}), fields: s.fields }));
  return {
    name: e.name,
    label: e.label,
    tenant: e.tenant,
    origin: e.origin,
    fields: e.fields.map(fieldOf),
    machines: e.states.map((m) => ({
      name: m.name,
      field: m.field,
      initial: m.initial,
      states: m.states.map((s) => ({ name: s.name, label: s.label, final: s.final })),
      transitions: m.transitions.map((t) => ({ name: t.name, from: t.from, to: t.to, ...(t.guard ? { guard: t.guard.source } : {}), ...(t.allow ? { allow: t.allow.source } : {}), origin: t.origin })),
      origin: m.origin,
    })),
    indexes: e.indexes.map((i) => ({ name: i.name, fields: i.fields, unique: i.unique, ...(i.where ? { where: i.where.source } : {}) })),
    policies: { read: e.policies.read?.source, create: e.policies.create?.source, update: e.policies.update?.source, delete: e.policies.delete?.source },
    views: { list: { columns: e.views.list.columns, filters: e.views.list.filters }, form: { sections: sections(e.views.form.sections) }, detail: { sections: sections(e.views.detail.sections) } },
  };
}

function fieldOf(f: IRField): StudioField {
  return {
    name: f.name,
    type: f.type,
    label: f.label,
    required: f.required,
    unique: f.unique,
    ...(f.computed ? { computed: f.computed.source } : {}),
    ...(f.relation ? { relation: { kind: f.relation.kind, to: f.relation.to, ...(f.relation.inverse ? { inverse: f.relation.inverse } : {}) } } : {}),
    ...(f.machine ? { machine: f.machine } : {}),
    origin: f.origin,
  };
}

let types: Promise<StudioModel["fieldTypes"]> | undefined;

/** The field types of the entity schema, with their descriptions, for the type select. */
function fieldTypes(): Promise<StudioModel["fieldTypes"]> {
  types ??= Bun.file(schemaPath)
    .json()
    .then((schema: { definitions: { field: { properties: { type: { enum: string[]; enumDescriptions?: string[] } } } } }) => {
      const { enum: names, enumDescriptions: descriptions = [] } = schema.definitions.field.properties.type;
      return names.map((type, i) => ({ type, description: descriptions[i] ?? "" }));
    });
  return types;
}
