import { suggestion } from "../diagnostics/suggest.ts";
import { locate, type DocPath } from "../load/locate.ts";
import type { SourceFile } from "../load/source-file.ts";
import { capitalize } from "../lower/names.ts";
import { reportUnknownEntity } from "./unknown-entity.ts";
import type { CheckContext } from "./context.ts";
import type { FieldSpecLike } from "./model.ts";

/**
 * Checks one relation field: its target entities exist (WV301), and its inverse, where it has
 * one, exists on the target and points back (WV303). For many-to-many with an explicit `through`
 * entity, that entity must hold a ref to each side.
 *
 * @example
 *   checkRelation(ctx, file, ["fields", "lines"], "Invoice", "lines", { type: "many", to: "InvoiceLine", inverse: "invoice" });
 */
export function checkRelation(ctx: CheckContext, file: SourceFile, at: DocPath, owner: string, name: string, field: FieldSpecLike): void {
  const targets = [field.to].flat().map(String);
  const known = targets.every((target, i) => checkTarget(ctx, file, Array.isArray(field.to) ? [...at, "to", i] : [...at, "to"], target));
  if (!known) return;
  const target = targets[0]!;
  if (field.type === "many") checkInverse(ctx, file, at, owner, name, target, String(field.inverse), ["ref", "one"]);
  if (field.type === "one" && field.inverse) checkInverse(ctx, file, at, owner, name, target, String(field.inverse), ["one"]);
  if (field.type === "many-to-many") {
    if (field.inverse) checkInverse(ctx, file, at, owner, name, target, String(field.inverse), ["many-to-many"]);
    if (field.through) checkThrough(ctx, file, at, owner, target, String(field.through));
  }
}

function checkTarget(ctx: CheckContext, file: SourceFile, at: DocPath, target: string): boolean {
  if (ctx.model.entities.has(target)) return true;
  reportUnknownEntity(ctx, locate(file, at), target);
  return false;
}

function checkInverse(ctx: CheckContext, file: SourceFile, at: DocPath, owner: string, name: string, target: string, inverse: string, kinds: readonly string[]): void {
  const fields = ctx.model.entities.get(target)!.spec.fields;
  const other = fields[inverse];
  const place = locate(file, [...at, "inverse"]);
  if (!other) {
    const candidates = Object.entries(fields).filter(([, f]) => kinds.includes(f.type) && f.to === owner).map(([n]) => n);
    const hint = suggestion(inverse, candidates) ?? `add \`${inverse}: { type: ${kinds[0]}, to: ${owner} }\` to ${target}`;
    return ctx.reporter.report("WV303", place, `${owner}.${name} names inverse \`${inverse}\`, but ${target} has no such field`, hint);
  }
  if (!kinds.includes(other.type) || other.to !== owner) {
    const want = kinds.map((k) => `\`${k}\``).join(" or ");
    ctx.reporter.report("WV303", place, `${target}.${inverse} must be a ${want} to ${owner} to be the inverse of ${owner}.${name}`, `it is \`${other.type}\`${other.to ? ` to ${String(other.to)}` : ""}`);
  }
}

function checkThrough(ctx: CheckContext, file: SourceFile, at: DocPath, owner: string, target: string, through: string): void {
  if (!checkTarget(ctx, file, [...at, "through"], through)) return;
  const refs = Object.values(ctx.model.entities.get(through)!.spec.fields).filter((f) => f.type === "ref");
  const missing = [owner, target].filter((side) => !refs.some((f) => f.to === side));
  if (missing.length === 0) return;
  ctx.reporter.report("WV303", locate(file, [...at, "through"]), `join entity ${through} needs a ref to ${missing.join(" and ")}`, `add \`${missing[0]!.toLowerCase()}: { type: ref, to: ${missing[0]} }\` to ${through}`);
}

/**
 * Reports many-to-many relations whose generated join entity would take a name already in use
 * (WV300): a declared entity's, or another generated join's. The name is the one lowering gives
 * (compiler/lower/join-entities.ts): `<Entity><Field>Link`, made once per relation and its inverse.
 *
 * @example
 *   checkJoinNames(ctx); // Invoice.tags and a declared InvoiceTagsLink entity: WV300 at `tags`
 */
export function checkJoinNames(ctx: CheckContext): void {
  const generated = new Map<string, string>();
  for (const [owner, { file, spec }] of ctx.model.entities) {
    for (const [name, field] of Object.entries(spec.fields)) {
      if (field.type !== "many-to-many" || field.through !== undefined) continue;
      // Of a relation and its inverse, the side that sorts first names the join entity (as lowering does).
      if (field.inverse !== undefined && `${owner}.${name}` > `${String(field.to)}.${String(field.inverse)}`) continue;
      const join = `${owner}${capitalize(name)}Link`;
      const clash = joinNameTaken(ctx, join, generated.get(join));
      if (clash) ctx.reporter.report("WV300", locate(file, ["fields", name], "key"), `${owner}.${name} generates a join entity named \`${join}\`, but ${clash.reason}`, clash.hint);
      generated.set(join, `${owner}.${name}`);
    }
  }
}

function joinNameTaken(ctx: CheckContext, join: string, generatedBy: string | undefined): { reason: string; hint: string } | undefined {
  const taken = ctx.model.entities.get(join);
  if (taken) {
    const reason = `an entity of that name is defined in ${taken.file.path}:${locate(taken.file, taken.path).line}`;
    return { reason, hint: `if ${join} is meant as the join entity, say so with \`through: ${join}\`; otherwise rename it` };
  }
  if (generatedBy) return { reason: `${generatedBy} generates one of that name too`, hint: "give one of the two relations its own join entity with `through:`" };
  return undefined;
}
