/**
 * The panel of one entity: rename or remove it; its fields (add, rename, reorder, remove - a
 * relation with its other side -, inspect), relations, indexes (add, remove), policies and views.
 * Every form sends one Studio edit and shows its outcome beside it; removals are confirmed first.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { StudioField } from "./studio-client.ts";
import { formValues, labelled, names, outcomeView, type PanelContext } from "./studio-context.ts";

export function entityPanel(ctx: PanelContext): TemplateResult {
  const { entity, t } = ctx;
  return html`<section aria-labelledby="entity-heading" part="entity-panel">
    <h2 id="entity-heading" tabindex="-1">${entity.label} <span class="muted origin">${entity.origin.file}:${entity.origin.line}</span></h2>
    <div class="actions">
      <button type="button" @click=${() => ctx.inspect(entity.name)}>${t("inspector")}: ${entity.name}</button>
      <button type="button" class="danger" @click=${() => ctx.remove({ kind: "removeEntity", entity: entity.name }, `${entity.name}`)}>${t("removeEntity")}</button>
    </div>
    <form @submit=${(e: Event) => renameEntity(ctx, e)} aria-label=${t("renameEntity")}>
      ${labelled("rename-entity-to", t("newName"), html`<input id="rename-entity-to" name="to" required pattern="[A-Z][A-Za-z0-9]*" placeholder=${entity.name} />`)}
      <button type="submit">${t("renameEntity")}</button>
      ${outcomeView(ctx, "rename-entity")}
    </form>
    ${fieldsSection(ctx)} ${relationForm(ctx)} ${indexesSection(ctx)} ${policiesForm(ctx)} ${viewsForms(ctx)}
  </section>`;
}

function fieldsSection(ctx: PanelContext): TemplateResult {
  const { entity, t } = ctx;
  return html`<h3>${t("fields")}</h3>
    <ul class="fields" part="fields">
      ${entity.fields.map(
        (f, i) => html`<li>
          <button type="button" class="link" @click=${() => ctx.inspect(`${entity.name}.${f.name}`)}>${f.name}</button>
          <span class="muted">${f.type}${f.relation ? ` → ${f.relation.to.join(" | ")}` : ""}${f.required ? " *" : ""}</span>
          <button type="button" class="small" aria-label=${t("moveUp", { field: f.name })} ?disabled=${i === 0} @click=${() => moveField(ctx, i, -1)}>↑</button>
          <button type="button" class="small" aria-label=${t("moveDown", { field: f.name })} ?disabled=${i === entity.fields.length - 1} @click=${() => moveField(ctx, i, 1)}>↓</button>
          <button type="button" class="small" aria-label="${t("remove")} ${f.name}" @click=${() => removeFieldOrRelation(ctx, f)}>${t("remove")}</button>
        </li>`,
      )}
    </ul>
    ${outcomeView(ctx, "reorder-fields")}
    <form @submit=${(e: Event) => addField(ctx, e)} aria-label=${t("addField")}>
      ${labelled("add-field-name", t("fieldName"), html`<input id="add-field-name" name="field" required pattern="[A-Za-z][A-Za-z0-9_]*" />`)}
      ${labelled("add-field-type", t("fieldType"), typeSelect(ctx, "add-field-type"))}
      <label class="check"><input type="checkbox" name="required" /> ${t("required")}</label>
      <button type="submit" class="primary">${t("addField")}</button>
      ${outcomeView(ctx, "add-field")}
    </form>
    <form @submit=${(e: Event) => renameField(ctx, e)} aria-label=${t("rename")}>
      ${labelled("rename-field", t("fieldName"), html`<select id="rename-field" name="field">${entity.fields.map((f) => html`<option>${f.name}</option>`)}</select>`)}
      ${labelled("rename-to", t("newName"), html`<input id="rename-to" name="to" required pattern="[A-Za-z][A-Za-z0-9_]*" />`)}
      <button type="submit">${t("rename")}</button>
      ${outcomeView(ctx, "rename-field")}
    </form>`;
}

/** Swaps a field with its neighbour: the whole order is sent, the server refuses a stale one. */
function moveField(ctx: PanelContext, at: number, by: -1 | 1): void {
  const names = ctx.entity.fields.map((f) => f.name);
  [names[at], names[at + by]] = [names[at + by]!, names[at]!];
  ctx.send("reorder-fields", { kind: "reorderFields", entity: ctx.entity.name, fields: names });
}

/** A relation goes with its other side (the `many` listing it); any other field alone. */
function removeFieldOrRelation(ctx: PanelContext, field: StudioField): void {
  const { entity } = ctx;
  const relation = field.relation && field.relation.kind !== "polymorphic";
  // Raising the version lets the migration drop the column; the dialog lets the user say no.
  ctx.remove({ kind: relation ? "removeRelation" : "removeField", entity: entity.name, field: field.name, raiseVersion: true }, `${entity.name}.${field.name}`);
}

function addField(ctx: PanelContext, event: Event): void {
  const v = formValues(event);
  ctx.send("add-field", { kind: "addField", entity: ctx.entity.name, field: v.field!, props: { type: v.type!, ...(v.required ? { required: true } : {}) } });
}

function renameEntity(ctx: PanelContext, event: Event): void {
  const v = formValues(event);
  ctx.send("rename-entity", { kind: "renameEntity", entity: ctx.entity.name, to: v.to! });
}

function renameField(ctx: PanelContext, event: Event): void {
  const v = formValues(event);
  ctx.send("rename-field", { kind: "renameField", entity: ctx.entity.name, field: v.field!, to: v.to! });
}

/** The field types of the entity schema; relations and state fields have their own forms. */
export function typeSelect(ctx: PanelContext, id: string): TemplateResult {
  const own = new Set(["ref", "one", "many", "many-to-many", "state", "embedded"]);
  return html`<select id=${id} name="type">
    ${ctx.model.fieldTypes.filter((f) => !own.has(f.type)).map((f) => html`<option value=${f.type} title=${f.description}>${f.type}</option>`)}
  </select>`;
}

function relationForm(ctx: PanelContext): TemplateResult {
  const { entity, model, t } = ctx;
  const submit = (event: Event) => {
    const v = formValues(event);
    ctx.send("add-relation", {
      kind: "addRelation",
      entity: entity.name,
      field: v.field!,
      to: v.to!,
      type: v.type!,
      ...(v.required ? { required: true } : {}),
      ...(v.inverse ? { inverse: v.inverse } : {}),
    });
  };
  return html`<h3>${t("relation")}</h3>
    <form @submit=${submit} aria-label=${t("addRelation")}>
      ${labelled("rel-field", t("fieldName"), html`<input id="rel-field" name="field" required pattern="[A-Za-z][A-Za-z0-9_]*" />`)}
      ${labelled("rel-to", t("target"), html`<select id="rel-to" name="to">${model.entities.map((e) => html`<option>${e.name}</option>`)}</select>`)}
      ${labelled("rel-type", t("relationKind"), html`<select id="rel-type" name="type"><option>ref</option><option>one</option><option>many-to-many</option></select>`)}
      <label class="check"><input type="checkbox" name="required" /> ${t("required")}</label>
      ${labelled("rel-inverse", t("inverse"), html`<input id="rel-inverse" name="inverse" pattern="[A-Za-z][A-Za-z0-9_]*" />`)}
      <button type="submit" class="primary">${t("addRelation")}</button>
      ${outcomeView(ctx, "add-relation")}
    </form>`;
}

function indexesSection(ctx: PanelContext): TemplateResult {
  const { entity, t } = ctx;
  const submit = (event: Event) => {
    const v = formValues(event);
    ctx.send("add-index", { kind: "addIndex", entity: entity.name, fields: names(v.fields), ...(v.unique ? { unique: true } : {}) });
  };
  return html`<h3>${t("indexes")}</h3>
    <ul>
      ${entity.indexes.map(
        (i, position) =>
          html`<li>
            <code>${i.name}</code> (${i.fields.join(", ")})${i.unique ? ` ${t("unique")}` : nothing}
            <button type="button" class="small" aria-label=${t("removeWhat", { what: i.name })} @click=${() => ctx.remove({ kind: "removeIndex", entity: entity.name, position, fields: i.fields }, i.name)}>${t("remove")}</button>
          </li>`,
      )}
    </ul>
    <form @submit=${submit} aria-label=${t("addIndex")}>
      ${labelled("index-fields", t("indexFields"), html`<input id="index-fields" name="fields" required />`)}
      <label class="check"><input type="checkbox" name="unique" /> ${t("unique")}</label>
      <button type="submit">${t("addIndex")}</button>
      ${outcomeView(ctx, "add-index")}
    </form>`;
}

const OPERATIONS = ["read", "create", "update", "delete"] as const;

function policiesForm(ctx: PanelContext): TemplateResult {
  const { entity, t } = ctx;
  const submit = (event: Event) => {
    const v = formValues(event);
    const policies = Object.fromEntries(OPERATIONS.map((op) => [op, v[op] ? v[op] : null]));
    ctx.send("policies", { kind: "setPolicies", entity: entity.name, policies });
  };
  return html`<h3>${t("policies")}</h3>
    <form @submit=${submit} aria-label=${t("policies")}>
      ${OPERATIONS.map((op) => labelled(`policy-${op}`, op, html`<input id="policy-${op}" name=${op} class="mono" .value=${entity.policies[op] ?? ""} />`))}
      <button type="submit">${t("savePolicies")}</button>
      ${outcomeView(ctx, "policies")}
    </form>`;
}

function viewsForms(ctx: PanelContext): TemplateResult {
  const { entity, t } = ctx;
  const list = (event: Event) => ctx.send("list-view", { kind: "setListView", entity: entity.name, columns: names(formValues(event).columns) });
  const form = (event: Event) => {
    const v = formValues(event);
    ctx.send("form-view", { kind: "setSections", entity: entity.name, view: "form", sections: [{ label: v.label || entity.label, fields: names(v.fields) }] });
  };
  const firstSection = entity.views.form.sections[0];
  return html`<h3>${t("views")}</h3>
    <form @submit=${list} aria-label=${t("saveList")}>
      ${labelled("list-columns", t("listColumns"), html`<input id="list-columns" name="columns" .value=${entity.views.list.columns.join(", ")} />`)}
      <button type="submit">${t("saveList")}</button>
      ${outcomeView(ctx, "list-view")}
    </form>
    <form @submit=${form} aria-label=${t("saveForm")}>
      ${labelled("form-label", t("sectionLabel"), html`<input id="form-label" name="label" .value=${firstSection?.label ?? ""} />`)}
      ${labelled("form-fields", t("formFields"), html`<input id="form-fields" name="fields" .value=${entity.views.form.sections.flatMap((s) => s.fields).join(", ")} />`)}
      <button type="submit">${t("saveForm")}</button>
      ${outcomeView(ctx, "form-view")}
    </form>`;
}
