import { didYouMean } from "../diagnostics/suggest.ts";
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
  let found: FieldSpecLike | "system" | undefined;
  for (const [i, name] of segments.entries()) {
    const fields = ctx.model.entities.get(owner)?.spec.fields;
    if (!fields) return undefined;
    found = fields[name] ?? ((SYSTEM_FIELDS as readonly string[]).includes(name) ? "system" : undefined);
    if (!found) {
      const hint = didYouMean(name, [...Object.keys(fields), ...SYSTEM_FIELDS]);
      ctx.reporter.report("WV302", locate(file, at), `unknown field \`${name}\` on ${owner}${segments.length > 1 ? ` in \`${path}\`` : ""}`, hint);
      return undefined;
    }
    if (i === segments.length - 1) break;
    if (found === "system" || !["ref", "one"].includes(found.type) || Array.isArray(found.to)) {
      ctx.reporter.report("WV305", locate(file, at), `\`${name}\` in \`${path}\` is not a reference, so the path cannot continue past it`, "paths may only follow ref and one relations");
      return undefined;
    }
    owner = String(found.to);
  }
  return found;
}

/** Checks a plain list of field names (no paths) against a field map. */
export function checkFieldNames(ctx: CheckContext, file: SourceFile, at: DocPath, owner: string, names: readonly string[], fields: Readonly<Record<string, FieldSpecLike>>): void {
  names.forEach((name, i) => {
    if (fields[name] || (SYSTEM_FIELDS as readonly string[]).includes(name)) return;
    ctx.reporter.report("WV302", locate(file, [...at, i]), `unknown field \`${name}\` on ${owner}`, didYouMean(name, Object.keys(fields)));
  });
}
