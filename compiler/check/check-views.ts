import { locate, type DocPath } from "../load/locate.ts";
import type { SourceFile } from "../load/source-file.ts";
import type { CheckContext } from "./context.ts";
import type { EntityLike } from "./model.ts";
import { checkFieldPath } from "./paths.ts";

interface ViewsLike {
  list?: { columns?: string[]; filters?: string[]; sort?: string[] };
  detail?: { sections?: { fields: string[] }[]; tabs?: { relation?: string; fields?: string[] }[] };
  form?: { sections?: { fields: string[] }[] };
  kanban?: { by: string; title?: string; fields?: string[] };
}

/**
 * Checks that every field a view names exists (paths may follow references: `customer.name`),
 * that detail tabs show many-relations, and that a kanban groups by a state or enum field.
 *
 * @example
 *   checkViews(ctx, file, invoiceSpec);
 */
export function checkViews(ctx: CheckContext, file: SourceFile, entity: EntityLike): void {
  const views = (entity.views ?? {}) as ViewsLike;
  const paths = (at: DocPath, names: readonly string[] | undefined) =>
    (names ?? []).forEach((name, i) => checkFieldPath(ctx, file, [...at, i], entity.entity, name));
  paths(["views", "list", "columns"], views.list?.columns);
  queried(ctx, file, entity, ["views", "list", "filters"], views.list?.filters, "filter by");
  queried(ctx, file, entity, ["views", "list", "sort"], views.list?.sort, "sort by");
  views.detail?.sections?.forEach((s, i) => paths(["views", "detail", "sections", i, "fields"], s.fields));
  views.detail?.tabs?.forEach((tab, i) => checkTab(ctx, file, entity, ["views", "detail", "tabs", i], tab));
  views.form?.sections?.forEach((s, i) => paths(["views", "form", "sections", i, "fields"], s.fields));
  if (views.kanban) checkKanban(ctx, file, entity, views.kanban);
}

/** Filter and sort paths: they exist, and the database can compare their values (not encrypted: WV411). */
function queried(ctx: CheckContext, file: SourceFile, entity: EntityLike, at: DocPath, names: readonly string[] | undefined, what: string): void {
  (names ?? []).forEach((name, i) => {
    const field = checkFieldPath(ctx, file, [...at, i], entity.entity, name);
    if (field && field !== "system" && field.encrypted === true) {
      ctx.reporter.report("WV411", locate(file, [...at, i]), `a view cannot ${what} \`${name}\`: it is encrypted, and the database holds only its ciphertext`, `remove it from \`${at.join(".")}\`, or remove \`encrypted\` from the field`);
    }
  });
}

function checkTab(ctx: CheckContext, file: SourceFile, entity: EntityLike, at: DocPath, tab: { relation?: string; fields?: string[] }): void {
  tab.fields?.forEach((name, i) => checkFieldPath(ctx, file, [...at, "fields", i], entity.entity, name));
  if (tab.relation === undefined) return;
  const field = checkFieldPath(ctx, file, [...at, "relation"], entity.entity, tab.relation);
  if (field && field !== "system" && field.type !== "many" && field.type !== "many-to-many") {
    ctx.reporter.report("WV305", locate(file, [...at, "relation"]), `tab relation \`${tab.relation}\` must be a many or many-to-many field, not ${field.type}`);
  }
}

function checkKanban(ctx: CheckContext, file: SourceFile, entity: EntityLike, kanban: NonNullable<ViewsLike["kanban"]>): void {
  const by = checkFieldPath(ctx, file, ["views", "kanban", "by"], entity.entity, kanban.by);
  if (by && (by === "system" || (by.type !== "state" && by.type !== "enum"))) {
    ctx.reporter.report("WV305", locate(file, ["views", "kanban", "by"]), `a kanban groups by a state or enum field; \`${kanban.by}\` is ${by === "system" ? "a system field" : by.type}`);
  }
  if (kanban.title !== undefined) checkFieldPath(ctx, file, ["views", "kanban", "title"], entity.entity, kanban.title);
  kanban.fields?.forEach((name, i) => checkFieldPath(ctx, file, ["views", "kanban", "fields", i], entity.entity, name));
}
