import type { ErrorObject } from "ajv";
import type { KnownCode } from "../diagnostics/codes.ts";
import type { Reporter } from "../diagnostics/reporter.ts";
import { suggestion } from "../diagnostics/suggest.ts";
import { locate, type DocPath, type Target } from "../load/locate.ts";
import type { SourceFile } from "../load/source-file.ts";
import { validatorFor } from "./ajv.ts";

/**
 * Validates one parsed file against its kind's JSON Schema and reports every violation
 * (WV200-WV205) at the key or value it concerns. Returns true when the file is valid.
 *
 * @example
 *   if (validateFile(file, reporter)) lowerEntity(file.data as EntitySpec);
 */
export function validateFile(file: SourceFile, reporter: Reporter): boolean {
  const validate = validatorFor(file.kind);
  if (validate(file.data)) return true;
  const root = validate.schema as object;
  for (const error of relevantErrors(validate.errors ?? [])) reportError(file, error, reporter, root);
  return false;
}

/** Drops combinator summaries (oneOf, anyOf, if) when a more precise error explains the same spot. */
function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const precise = errors.filter((e) => !["oneOf", "anyOf", "if", "not", "propertyNames"].includes(e.keyword));
  return mergeTypeErrors(dropTagEnums(precise.length > 0 ? precise : errors));
}

/** A bad field `type` fails both the discriminator and the enum editors complete from; the discriminator says it better. */
function dropTagEnums(errors: readonly ErrorObject[]): ErrorObject[] {
  const tags = new Set(errors.filter((e) => e.keyword === "discriminator").map((e) => `${e.instancePath}/${String(e.params.tag)}`));
  return errors.filter((e) => e.keyword !== "enum" || !tags.has(e.instancePath));
}

/** `to: 5` fails each branch of `string | list` with its own type error; one diagnostic names both types. */
function mergeTypeErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const byPath = new Map<string, Set<string>>();
  const kept = errors.filter((e) => {
    if (e.keyword !== "type") return true;
    const types = byPath.get(e.instancePath);
    byPath.set(e.instancePath, new Set([...(types ?? []), String(e.params.type)]));
    return types === undefined;
  });
  return kept.map((e) => (e.keyword === "type" ? { ...e, params: { type: [...byPath.get(e.instancePath)!].join(",") } } : e));
}

function reportError(file: SourceFile, error: ErrorObject, reporter: Reporter, root: object): void {
  const path = pointerToPath(error.instancePath);
  const mapped = error.keyword === "discriminator" ? discriminatorError(error, path, root) : describe(error, path);
  reporter.report(mapped.code, locate(file, mapped.path, mapped.target), mapped.message, mapped.hint);
}

interface Mapped {
  code: KnownCode;
  path: DocPath;
  target: Target;
  message: string;
  hint?: string;
}

function describe(error: ErrorObject, path: DocPath): Mapped {
  const where = path.length === 0 ? "at the top level" : `in \`${path.join(".")}\``;
  const params = error.params as Record<string, unknown>;
  if (error.propertyName !== undefined) return nameError(error, path, error.propertyName);
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {});
      return { code: "WV200", path: [...path, key], target: "key", message: `unknown key \`${key}\` ${where}`, hint: suggestion(key, allowed) };
    }
    case "required":
      return { code: "WV201", path, target: "key", message: `missing required key \`${String(params.missingProperty)}\` ${where}` };
    case "dependencies": // `materialized` without `computed`: point at the key that needs the other
      return { code: "WV201", path: [...path, String(params.property)], target: "key", message: `\`${String(params.property)}\` needs \`${String(params.missingProperty)}\` ${where}` };
    case "type":
      return { code: "WV202", path, target: "value", message: `${label(path)} must be ${article(String(params.type))}` };
    case "enum":
    case "const":
      return enumError(error, path);
    case "pattern":
    case "format":
      return patternError(error, path);
    default:
      return { code: rangeKeywords.has(error.keyword) ? "WV205" : "WV202", path, target: "value", message: `${label(path)} ${error.message ?? "is invalid"}` };
  }
}

const rangeKeywords = new Set(["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties", "uniqueItems", "multipleOf"]);

function enumError(error: ErrorObject, path: DocPath): Mapped {
  const params = error.params as { allowedValues?: unknown[]; allowedValue?: unknown };
  const allowed = (params.allowedValues ?? [params.allowedValue]).map(String);
  const value = String(error.data);
  const hint = suggestion(value, allowed) ?? `allowed: ${allowed.map((a) => `\`${a}\``).join(", ")}`;
  return { code: "WV203", path, target: "value", message: `${label(path)} must be one of ${allowed.map((a) => `\`${a}\``).join(", ")}, not \`${value}\``, hint };
}

type Branch = { $ref?: string; properties?: Record<string, { const?: unknown; enum?: unknown[] }> };

function discriminatorError(error: ErrorObject, path: DocPath, root: object): Mapped {
  const params = error.params as { tag: string; tagValue?: unknown };
  const branches = ((error.parentSchema as { oneOf?: Branch[] })?.oneOf ?? [])
    .flatMap((b) => {
      const tag = resolveRef(root, b).properties?.[params.tag];
      return tag?.const !== undefined ? [tag.const] : (tag?.enum ?? []);
    })
    .filter((v): v is string => typeof v === "string");
  const tagPath = [...path, params.tag];
  if (params.tagValue !== undefined && typeof params.tagValue !== "string") {
    return { code: "WV202", path: tagPath, target: "value", message: `${label(tagPath)} must be a string`, hint: `one of: ${branches.join(", ")}` };
  }
  if (params.tagValue === undefined) {
    return { code: "WV201", path, target: "key", message: `missing required key \`${params.tag}\` in \`${path.join(".")}\``, hint: `one of: ${branches.join(", ")}` };
  }
  const value = String(params.tagValue);
  return { code: "WV203", path: tagPath, target: "value", message: `unknown ${params.tag} \`${value}\` in \`${path.join(".")}\``, hint: suggestion(value, branches) };
}

/** Follows a local `#/definitions/...` reference of the file kind's schema. */
function resolveRef(root: object, branch: Branch): Branch {
  if (!branch.$ref?.startsWith("#/")) return branch;
  let node: unknown = root;
  for (const segment of branch.$ref.slice(2).split("/")) node = (node as Record<string, unknown> | undefined)?.[segment];
  return (node as Branch | undefined) ?? branch;
}

function patternError(error: ErrorObject, path: DocPath): Mapped {
  const custom = (error.parentSchema as { patternErrorMessage?: string })?.patternErrorMessage;
  const value = String(error.data);
  const message = custom ? `${label(path)} \`${value}\` is invalid: ${custom}` : `${label(path)} \`${value}\` ${error.message ?? "is invalid"}`;
  return { code: "WV204", path, target: "value", message };
}

/** An error inside `propertyNames`: the key itself is badly named. */
function nameError(error: ErrorObject, path: DocPath, name: string): Mapped {
  const custom = (error.parentSchema as { patternErrorMessage?: string })?.patternErrorMessage;
  const where = path.length === 0 ? "at the top level" : `in \`${path.join(".")}\``;
  return { code: "WV204", path: [...path, name], target: "key", message: `invalid name \`${name}\` ${where}${custom ? `: ${custom}` : ""}` };
}

function label(path: DocPath): string {
  return path.length === 0 ? "the document" : `\`${path.join(".")}\``;
}

function article(type: string): string {
  const names = type.split(",").map((t) => (t === "object" ? "a mapping" : t === "array" ? "a list" : t === "integer" ? "an integer" : `a ${t}`));
  return names.join(" or ");
}

/** JSON pointer to document path; numeric segments become sequence indexes. */
export function pointerToPath(pointer: string): DocPath {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
