/**
 * `GET /api/_meta`: what the UI needs to draw the app for the current user, filtered by the same
 * policies the server enforces: the entities they may read, the fields of each they may see, the
 * views without hidden fields, the transitions and actions, `create` and `can` for collection
 * actions, and the messages of the app's locales. It never carries a rule or an expression: a
 * policy that depends on the record is offered (the server decides per record, and `_can` on each
 * record says), one that fails for the identity alone is not.
 */
import { collectionSegment } from "../../compiler/generators/openapi/names.ts";
import type { IREntity, IRExpression, IRField } from "../../compiler/ir/index.ts";
import type { MetaField } from "../../components/client/types.ts";
import type { RequestContext } from "../server/context.ts";
import { decideForIdentity } from "./decide.ts";
import { fieldAccess } from "./field-policies.ts";
import { actionDefaults, actionPolicies } from "./operation-policies.ts";
import { evaluate } from "../../compiler/expr/index.ts";
import { policyVariables } from "../records/access.ts";
import { dashboardsFor, type MetaDashboard } from "../queries/dashboards.ts";

type Ctx = Pick<RequestContext, "ir" | "identity">;

/** One field as the UI gets it: the wire type is the client's, so both sides read one definition. */
export type { MetaField } from "../../components/client/types.ts";

export interface MetaEntity {
  readonly name: string;
  readonly label: string;
  readonly plural: string;
  readonly path: string;
  readonly key: readonly string[];
  /** The field that names a record in pickers, titles and breadcrumbs. */
  readonly title: string;
  /** Whether the list takes `q` (full-text search). */
  readonly search: boolean;
  readonly create: boolean;
  readonly fields: readonly MetaField[];
  readonly views: unknown;
  readonly states: readonly { machine: string; field: string; initial: string; states: readonly { name: string; label: string; final: boolean }[] }[];
  readonly transitions: readonly { machine: string; name: string; label: string; from: readonly string[]; to: string }[];
  /** `input`: the fields of the action's input (with their literal defaults), for a dialog form. */
  readonly actions: readonly { name: string; label: string; description?: string; scope: string; can?: boolean; input?: readonly MetaField[] }[];
}

export interface Meta {
  readonly app: {
    readonly name: string;
    readonly title: string;
    readonly locales: { default: string; supported: readonly string[] };
    /** The sign-in methods the app offers, so the UI shows only those. */
    readonly auth: { readonly password: boolean; readonly magicLink: boolean };
  };
  readonly entities: readonly MetaEntity[];
  /** The dashboards, with only the widgets whose saved query the caller may run (runtime/queries). */
  readonly dashboards: readonly MetaDashboard[];
  readonly i18n: Record<string, Record<string, string>>;
}

/**
 * The UI metadata for the caller.
 *
 * @example metaFor(viewerCtx).entities.find((e) => e.name === "Customer")!.fields.map((f) => f.name) // no "email"
 */
export function metaFor(ctx: Ctx): Meta {
  const { ir } = ctx;
  const entities = ir.entities.filter((e) => !e.generated && e.policies.read && decideForIdentity(ir, e, e.policies.read, ctx.identity) !== false);
  const hidden = new Set<string>();
  for (const entity of ir.entities) {
    if (!entities.includes(entity)) hidden.add(`entity.${entity.name}.`);
    for (const field of entity.fields) if (fieldAccess(ir, entity, field.name, ctx.identity) === "hidden") hidden.add(`entity.${entity.name}.field.${field.name}.`);
  }
  const locales = ir.app.locales.supported;
  const i18n: Record<string, Record<string, string>> = {};
  for (const locale of locales) {
    const messages = ir.i18n[locale] ?? {};
    i18n[locale] = Object.fromEntries(Object.entries(messages).filter((e): e is [string, string] => e[1] !== undefined && ![...hidden].some((prefix) => `${e[0]}.`.startsWith(prefix) || e[0].startsWith(prefix))));
  }
  return {
    app: {
      name: ir.app.name,
      title: ir.app.title,
      locales: { default: ir.app.locales.default, supported: [...locales] },
      auth: { password: ir.app.auth.password, magicLink: ir.app.auth.magicLink },
    },
    entities: entities.map((entity) => metaEntity(ctx, entity, new Set(entities.map((e) => e.name)))),
    dashboards: dashboardsFor(ctx),
    i18n,
  };
}

function metaEntity(ctx: Ctx, entity: IREntity, readable: ReadonlySet<string>): MetaEntity {
  const visible = (name: string) => {
    const field = entity.fields.find((f) => f.name === name.split(".")[0]);
    if (!field) return true; // a system field (createdAt, …)
    if (fieldAccess(ctx.ir, entity, field.name, ctx.identity) === "hidden") return false;
    return !field.relation || field.relation.to.some((t) => readable.has(t)) || field.storage !== "relation";
  };
  const fields = entity.fields.filter((f) => visible(f.name)).map(metaField);
  const only = (names: readonly string[]) => names.filter((n) => visible(n.replace(/^-/, "")));
  const sections = (list: readonly { readonly label?: string; readonly fields: readonly string[] }[]) => list.map((s) => ({ ...s, fields: only(s.fields) })).filter((s) => s.fields.length > 0);
  const { list, detail, form, kanban } = entity.views;
  const views = {
    list: { ...list, columns: only(list.columns), filters: only(list.filters), sort: only(list.sort) },
    detail: { sections: sections(detail.sections), tabs: detail.tabs.filter((t) => !("relation" in t) || !t.relation || visible(t.relation)) },
    form: { sections: sections(form.sections) },
    ...(kanban && visible(kanban.by) ? { kanban } : {}),
  };
  return {
    name: entity.name,
    label: entity.label,
    plural: entity.plural,
    path: `/api/${collectionSegment(entity)}`,
    key: entity.key.filter(visible),
    title: titleField(entity, fields),
    search: entity.search.length > 0 && list.search !== false,
    create: offered(ctx, entity, entity.policies.create ? [entity.policies.create] : undefined),
    fields,
    views,
    states: entity.states.filter((m) => visible(m.field)).map((m) => ({ machine: m.name, field: m.field, initial: m.initial, states: m.states.map((s) => ({ name: s.name, label: s.label, final: s.final })) })),
    transitions: entity.states.filter((m) => visible(m.field)).flatMap((m) => m.transitions.map((t) => ({ machine: m.name, name: t.name, label: t.label, from: t.from, to: t.to }))),
    actions: entity.actions.map((a) => ({
      name: a.name,
      label: a.label,
      ...(a.description ? { description: a.description } : {}),
      scope: a.scope,
      ...(a.scope === "collection" ? { can: collectionAllowed(ctx, entity, a) } : {}),
      ...(a.input.length > 0 ? { input: a.input.map(inputField) } : {}),
    })),
  };
}

/** A literal default as the API takes the field's values: decimals and money as exact strings. */
function literalDefault(f: IRField, value: unknown): string | number | boolean {
  if ((f.type === "decimal" || f.type === "money") && typeof value === "number") return f.scale !== undefined ? value.toFixed(f.scale) : String(value);
  return value as string | number | boolean;
}

/** A field as the UI needs it: type, label, constraints; never a policy or an expression. */
function metaField(f: IRField): MetaField {
  const c = f.constraints ?? {};
  return {
    name: f.name,
    label: f.label,
    type: f.type,
    required: f.required,
    readonly: f.readonly || f.computed !== undefined || f.type === "state",
    ...(f.default !== undefined ? { hasDefault: true } : {}),
    // A literal default (not an expression such as today()) so a new form can start with it.
    ...(f.default && "value" in f.default && f.default.value !== null ? { default: literalDefault(f, f.default.value) } : {}),
    ...(f.help ? { help: f.help } : {}),
    ...(f.placeholder ? { placeholder: f.placeholder } : {}),
    ...(f.values ? { values: f.values.map((v) => ({ value: v.value, label: v.label })) } : {}),
    ...(f.relation ? { to: f.relation.to, many: f.storage === "relation", ...(f.relation.inverse ? { inverse: f.relation.inverse } : {}) } : {}),
    ...(f.currency ? { currency: f.currency } : {}),
    ...(f.currencyField ? { currencyField: f.currencyField } : {}),
    ...(f.scale !== undefined ? { scale: f.scale } : {}),
    ...(c.min !== undefined ? { min: c.min } : {}),
    ...(c.max !== undefined ? { max: c.max } : {}),
    ...(c.minLength !== undefined ? { minLength: c.minLength } : {}),
    ...(c.maxLength !== undefined ? { maxLength: c.maxLength } : {}),
    ...(c.pattern !== undefined ? { pattern: c.pattern } : {}),
    ...(f.accept ? { accept: f.accept } : {}),
    ...(f.maxSize !== undefined ? { maxSize: f.maxSize } : {}),
    ...(f.embedded ? { array: f.embedded.array, fields: f.embedded.fields.map(metaField) } : {}),
  };
}

/** An action's input field: as a field, plus its default when that is a literal. */
function inputField(f: IRField): MetaField {
  return { ...metaField(f), ...(f.default && "value" in f.default ? { default: f.default.value } : {}) };
}

/** The name-like field that titles a record: `name` or `title`, else the first key field, else `id`. */
function titleField(entity: IREntity, fields: readonly MetaField[]): string {
  const texts = fields.filter((f) => f.type === "string" && !f.readonly);
  return (texts.find((f) => f.name === "name" || f.name === "title") ?? fields.find((f) => entity.key.includes(f.name)) ?? texts[0])?.name ?? "id";
}

/** Whether to offer an operation: its policies hold for the identity, or depend on the record (then the server decides). */
function offered(ctx: Ctx, entity: IREntity, expressions: readonly IRExpression[] | undefined): boolean {
  if (!expressions || expressions.length === 0) return false;
  return expressions.every((e) => decideForIdentity(ctx.ir, entity, e, ctx.identity) !== false);
}

/** A collection action's policies, evaluated for the identity with the input's defaults. */
function collectionAllowed(ctx: Ctx, entity: IREntity, action: IREntity["actions"][number]): boolean {
  const policies = actionPolicies(entity, action);
  if (!policies) return false;
  const variables = { ...policyVariables(ctx.identity), input: actionDefaults(action) };
  return policies.every((e) => {
    try {
      return evaluate(e.ast as never, { variables }) === true;
    } catch {
      return false;
    }
  });
}
