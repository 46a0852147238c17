import { reportUnknownEntity } from "./unknown-entity.ts";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { suggestion } from "../diagnostics/suggest.ts";
import { locate, type DocPath } from "../load/locate.ts";
import { fileStart, type SourceFile } from "../load/source-file.ts";
import { checkEncrypted } from "./check-encrypted.ts";
import { checkExpressionAt } from "./check-expression.ts";
import { checkFields } from "./check-fields.ts";
import { checkStates } from "./check-states.ts";
import { checkViews } from "./check-views.ts";
import { actionEnv, policyEnv, recordEnv, type CheckContext } from "./context.ts";
import { shapeOf, type MachineLike } from "./member-types.ts";
import type { EntityLike, FieldSpecLike } from "./model.ts";
import { checkFieldNames } from "./paths.ts";

const STORED_SCALARS = new Set(["string", "text", "int", "decimal", "money", "boolean", "date", "datetime", "uuid", "email", "url", "slug", "enum", "ref"]);
const SEARCHABLE = new Set(["string", "text", "email", "url", "slug", "richtext", "enum"]);

/**
 * Checks one entity: fields, state machines, key, tenancy, indexes, search, rules, policies,
 * actions and views.
 *
 * @example
 *   checkEntity(ctx, model.entities.get("Invoice")!.file, invoiceSpec);
 */
export function checkEntity(ctx: CheckContext, file: SourceFile, entity: EntityLike): void {
  registerActionShapes(ctx, entity);
  checkFields(ctx, file, entity.entity, entity.fields);
  checkEncrypted(ctx, file, entity);
  checkStates(ctx, file, entity);
  checkKey(ctx, file, entity);
  checkTenancy(ctx, file, entity);
  checkIndexes(ctx, file, entity);
  if (Array.isArray(entity.search)) checkSearch(ctx, file, entity, entity.search as string[]);
  checkRules(ctx, file, entity);
  checkPolicies(ctx, file, entity);
  checkActions(ctx, file, entity);
  checkViews(ctx, file, entity);
  checkHooks(ctx, file, entity);
}

function checkHooks(ctx: CheckContext, file: SourceFile, entity: EntityLike): void {
  for (const [hook, path] of Object.entries((entity.hooks ?? {}) as Record<string, string>)) {
    if (!existsSync(join(ctx.model.root, path))) {
      ctx.reporter.report("WV502", locate(file, ["hooks", hook]), `${hook} hook module \`${path}\` does not exist`, "the path is relative to the app folder");
    }
  }
}

function registerActionShapes(ctx: CheckContext, entity: EntityLike): void {
  for (const [name, action] of Object.entries(actionsOf(entity))) {
    ctx.shapes.set(`${entity.entity}.${name}.input`, shapeOf(ctx.model, entity.entity, action.input ?? {}));
  }
}

function checkKey(ctx: CheckContext, file: SourceFile, entity: EntityLike): void {
  const key = entity.key === undefined ? [] : [entity.key as string | string[]].flat();
  if (entity.id === "none" && key.length === 0) {
    ctx.reporter.report("WV314", locate(file, ["id"]), `${entity.entity} has \`id: none\` but no \`key\``, "add `key: [fieldA, fieldB]` (a compound key) or use `id: uuid`");
  }
  key.forEach((name, i) => {
    const place = locate(file, Array.isArray(entity.key) ? ["key", i] : ["key"]);
    const field = entity.fields[name];
    if (!field) {
      ctx.reporter.report("WV302", place, `unknown field \`${name}\` on ${entity.entity}`, suggestion(name, Object.keys(entity.fields)));
    } else if (!STORED_SCALARS.has(field.type) || (field.computed && !field.materialized)) {
      ctx.reporter.report("WV314", place, `key field \`${name}\` must be a stored scalar or ref, not ${field.computed ? "a virtual computed field" : field.type}`, "choose a string, slug, int, date or ref field");
    }
  });
}

function checkTenancy(ctx: CheckContext, file: SourceFile, entity: EntityLike): void {
  if (entity.tenant !== true) return;
  const tenancy = (ctx.model.app?.spec.tenancy ?? {}) as { enabled?: boolean };
  if (tenancy.enabled === true) return;
  ctx.reporter.report("WV313", locate(file, ["tenant"]), `${entity.entity} is tenant-scoped but the app has no tenancy`, "add `tenancy: { enabled: true }` to weave.yaml, or remove `tenant: true`");
}

function checkIndexes(ctx: CheckContext, file: SourceFile, entity: EntityLike): void {
  const indexes = (entity.indexes ?? []) as { fields: string[]; where?: string }[];
  indexes.forEach((index, i) => {
    checkFieldNames(ctx, file, ["indexes", i, "fields"], entity.entity, index.fields, entity.fields);
    index.fields.forEach((name, j) => {
      const type = entity.fields[name]?.type;
      if (type === "many" || type === "many-to-many") ctx.reporter.report("WV305", locate(file, ["indexes", i, "fields", j]), `\`${name}\` is a ${type} relation and has no column to index`);
    });
    if (index.where !== undefined) checkExpressionAt(ctx, file, ["indexes", i, "where"], recordEnv(entity.entity));
  });
}

function checkSearch(ctx: CheckContext, file: SourceFile, entity: EntityLike, names: string[]): void {
  checkFieldNames(ctx, file, ["search"], entity.entity, names, entity.fields);
  names.forEach((name, i) => {
    const type = entity.fields[name]?.type;
    if (type && !SEARCHABLE.has(type)) ctx.reporter.report("WV305", locate(file, ["search", i]), `\`${name}\` is ${type}; full-text search takes text fields`, "list string, text, email, url, slug, richtext or enum fields");
  });
}

function checkRules(ctx: CheckContext, file: SourceFile, entity: EntityLike): void {
  const rules = (entity.rules ?? []) as { check: string; when?: string; field?: string }[];
  rules.forEach((rule, i) => {
    checkExpressionAt(ctx, file, ["rules", i, "check"], recordEnv(entity.entity));
    if (rule.when !== undefined) checkExpressionAt(ctx, file, ["rules", i, "when"], recordEnv(entity.entity));
    if (rule.field !== undefined && !entity.fields[rule.field]) {
      ctx.reporter.report("WV302", locate(file, ["rules", i, "field"]), `unknown field \`${rule.field}\` on ${entity.entity}`, suggestion(rule.field, Object.keys(entity.fields)));
    }
  });
}

function checkPolicies(ctx: CheckContext, file: SourceFile, entity: EntityLike): void {
  const policies = (entity.policies ?? {}) as Record<string, unknown>;
  const env = policyEnv(entity.entity);
  for (const op of ["read", "create", "update", "delete", "write"]) {
    if (policies[op] !== undefined) checkExpressionAt(ctx, file, ["policies", op], { ...env, policyNames: policyNames(entity.entity, op, policies) });
  }
  if (policies.read === undefined) {
    const place = entity.policies ? locate(file, ["policies"], "key") : fileStart(file.path);
    ctx.reporter.report("WV321", place, `${entity.entity} has no read policy, so nobody can read it`, "add `policies: { read: \"...\" }` (deny by default)");
  }
  for (const [field, rule] of Object.entries((policies.fields ?? {}) as Record<string, Record<string, string>>)) {
    if (!entity.fields[field]) {
      ctx.reporter.report("WV302", locate(file, ["policies", "fields", field], "key"), `unknown field \`${field}\` on ${entity.entity}`, suggestion(field, Object.keys(entity.fields)));
      continue;
    }
    for (const op of Object.keys(rule)) checkExpressionAt(ctx, file, ["policies", "fields", field, op], env);
  }
  checkNamedPolicies(ctx, file, entity, "transitions", transitionNames(entity));
  checkNamedPolicies(ctx, file, entity, "actions", Object.keys(actionsOf(entity)));
}

/**
 * The policies `check(x, op)` reaches when it names the one at `op`: `write` stands for `update` and
 * `delete` where they are not written. A delegation back to one of them is a recursion.
 */
function policyNames(entity: string, op: string, policies: Record<string, unknown>): string[] {
  if (op !== "write") return op === "create" ? [] : [`${entity}.${op}`];
  return ["update", "delete"].filter((o) => policies[o] === undefined).map((o) => `${entity}.${o}`);
}

function checkNamedPolicies(ctx: CheckContext, file: SourceFile, entity: EntityLike, kind: "transitions" | "actions", known: string[]): void {
  const policies = ((entity.policies ?? {}) as Record<string, Record<string, string> | undefined>)[kind] ?? {};
  for (const name of Object.keys(policies)) {
    if (!known.includes(name)) {
      ctx.reporter.report("WV312", locate(file, ["policies", kind, name], "key"), `unknown ${kind === "transitions" ? "transition" : "action"} \`${name}\` on ${entity.entity}`, suggestion(name, known));
      continue;
    }
    const action = actionsOf(entity)[name];
    const env = kind === "actions" ? actionEnv(entity.entity, name, action?.scope ?? "record") : policyEnv(entity.entity);
    checkExpressionAt(ctx, file, ["policies", kind, name], env);
  }
}

interface ActionLike {
  readonly scope?: "record" | "collection";
  readonly input?: Record<string, FieldSpecLike>;
  readonly output?: string | Record<string, FieldSpecLike>;
  readonly allow?: string;
  readonly handler?: string;
}

/** The actions of an entity as written. */
export function actionsOf(entity: EntityLike): Record<string, ActionLike> {
  return (entity.actions ?? {}) as Record<string, ActionLike>;
}

/** The names of every transition of every state machine of an entity. */
export function transitionNames(entity: EntityLike): string[] {
  return Object.values((entity.states ?? {}) as Record<string, MachineLike>).flatMap((m) => Object.keys(m.transitions ?? {}));
}

function checkActions(ctx: CheckContext, file: SourceFile, entity: EntityLike): void {
  for (const [name, action] of Object.entries(actionsOf(entity))) {
    const at: DocPath = ["actions", name];
    for (const [field, spec] of Object.entries(action.input ?? {})) checkInputRef(ctx, file, [...at, "input", field], spec);
    if (typeof action.output === "string" && !ctx.model.entities.has(action.output)) {
      reportUnknownEntity(ctx, locate(file, [...at, "output"]), action.output);
    }
    if (action.allow !== undefined) checkExpressionAt(ctx, file, [...at, "allow"], actionEnv(entity.entity, name, action.scope ?? "record"));
    if (action.handler !== undefined && !existsSync(join(ctx.model.root, action.handler))) {
      ctx.reporter.report("WV502", locate(file, [...at, "handler"]), `handler module \`${action.handler}\` does not exist`, "the path is relative to the app folder");
    }
  }
}

function checkInputRef(ctx: CheckContext, file: SourceFile, at: DocPath, spec: FieldSpecLike): void {
  if (spec.type !== "ref" || typeof spec.to !== "string" || ctx.model.entities.has(spec.to)) return;
  reportUnknownEntity(ctx, locate(file, [...at, "to"]), spec.to);
}
