/**
 * The invoicing example's `_meta` as a given role sees it, made by the runtime's own `metaFor`,
 * so the views' pure functions are tested against the metadata the API really sends.
 */
import { resolve } from "node:path";
import { compileApp } from "../../../compiler/index.ts";
import { metaFor } from "../../../runtime/policy/index.ts";
import type { Meta, MetaEntity } from "../../../components/client/index.ts";
import { translator } from "../../../components/core/i18n.ts";
import type { FormatContext } from "../../../components/views/format-value.ts";

const { ir } = await compileApp(resolve(import.meta.dir, "../../../examples/invoicing"));
if (!ir) throw new Error("the invoicing example does not compile");

/** `_meta` for a member of a tenant with these roles. */
export function invoicingMeta(tenantRoles: readonly string[] = ["billing"]): Meta {
  const identity = { userId: "00000000-0000-4000-8000-000000000001", roles: [], tenantId: "00000000-0000-4000-8000-0000000000aa", tenantRoles };
  return metaFor({ ir: ir!, identity }) as unknown as Meta;
}

export function entityOf(meta: Meta, name: string): MetaEntity {
  const entity = meta.entities.find((e) => e.name === name);
  if (!entity) throw new Error(`no entity ${name} in _meta`);
  return entity;
}

/** A format context in a locale, with or without an app shell. */
export function formatContext(meta: Meta, locale = "en", appBase?: string): FormatContext {
  return { i18n: translator(meta, locale), entity: (name) => meta.entities.find((e) => e.name === name), appBase };
}
