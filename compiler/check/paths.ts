import { suggestion } from "../diagnostics/suggest.ts";
import { locate, type DocPath } from "../load/locate.ts";
import type { SourceFile } from "../load/source-file.ts";
import type { CheckContext } from "./context.ts";
import type { FieldSpecLike } from "./model.ts";

/** System fields every record has; views, sorts and keys may name them. */
export const SYSTEM_FIELDS = ["id", "createdAt", "updatedAt", "createdBy", "updatedBy", "version"] as const;

/**
 * Checks a field name, or a dotted path across ref/one relations (`customer.name`), against an
 * entity. Reports WV302 with a suggestion for the first segment that does not exist, or WV305
 * when a segment that is not a single reference is traversed. Returns the last field, if found.
 *
 * @example
 *   checkFieldPath(ctx, file, ["views", "list", "columns", 1], "Invoice", "customer.name");
 */
export function checkFieldPath(ctx: CheckContext, file: SourceFile, at: DocPath, entity: string, path: string): FieldSpecLike | "system" | undefined {
  const segments = path.replace(/^-/, "").split(".");
  let owner = entity;
  let fields = ctx.model.entities.get(entity)?.spec.fields;
  let found: FieldSpecLike | "system" | undefined;
  for (const [i, name] of segments.entries()) {
    if (!fields) return undefined;
    found = fields[name] ?? (i === 0 || ctx.model.entities.has(owner) ? systemField(name) : undefined);
    if (!found) {
      const hint = suggestion(name, [...Object.keys(fields), ...SYSTEM_FIELDS]);
      ctx.reporter.report("WV302", locate(file, at), `unknown field \`${name}\` on ${owner}${segments.length > 1 ? ` in \`${path}\`` : ""}`, hint);
      return undefined;
    }
    if (i === segments.length - 1) break;
    const next = traverse(ctx, found);
    if (!next) {
      ctx.reporter.report("WV305", locate(file, at), `\`${name}\` in \`${path}\` is not a reference or an embedded object, so the path cannot continue past it`, "paths may follow ref and one relations and embedded objects");
      return undefined;
    }
    [owner, fields] = [next.owner ?? `${owner}.${name}`, next.fields];
  }
  return found;
}

function systemField(name: string): "system" | undefined {
  return (SYSTEM_FIELDS as readonly string[]).includes(name) ? "system" : undefined;
}

/** Where a path continues after a field: into the referenced entity, or into an embedded object. */
function traverse(ctx: CheckContext, field: FieldSpecLike | "system"): { owner?: string; fields: Readonly<Record<string, FieldSpecLike>> | undefined } | undefined {
  if (field === "system") return undefined;
  if (field.type === "embedded" && field.array !== true) return { fields: field.fields as Record<string, FieldSpecLike> };
  if (!["ref", "one"].includes(field.type) || typeof field.to !== "string") return undefined;
  return { owner: field.to, fields: ctx.model.entities.get(field.to)?.spec.fields };
}

/** Checks a plain list of field names (no paths) against a field map. */
export function checkFieldNames(ctx: CheckContext, file: SourceFile, at: DocPath, owner: string, names: readonly string[], fields: Readonly<Record<string, FieldSpecLike>>): void {
  names.forEach((name, i) => {
    if (fields[name] || (SYSTEM_FIELDS as readonly string[]).includes(name)) return;
    ctx.reporter.report("WV302", locate(file, [...at, i]), `unknown field \`${name}\` on ${owner}`, suggestion(name, Object.keys(fields)));
  });
}
