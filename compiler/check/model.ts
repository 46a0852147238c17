import type { Expression } from "../ir/index.ts";
import type { SourceFile } from "../load/source-file.ts";
import type { DocPath } from "../load/locate.ts";

/** A field as written in an entity, action input or query params (validated, so the keys are known). */
export interface FieldSpecLike {
  readonly type: string;
  readonly [key: string]: unknown;
}

/** An entity spec as written, validated against schema/entity.schema.json. */
export interface EntityLike {
  readonly entity: string;
  readonly fields: Readonly<Record<string, FieldSpecLike>>;
  readonly [key: string]: unknown;
}

/** A spec element and where it was written. */
export interface Located<T> {
  readonly file: SourceFile;
  readonly path: DocPath;
  readonly spec: T;
}

/**
 * Everything the checker learnt about an app: its documents indexed by name, and the checked
 * expressions (keyed by `expressionKey`) that lowering copies into the IR.
 */
export interface Model {
  readonly root: string;
  readonly files: readonly SourceFile[];
  app?: Located<Record<string, unknown>>;
  readonly entities: Map<string, Located<EntityLike>>;
  readonly roles: Map<string, Located<Record<string, unknown>>>;
  readonly permissions: Map<string, Located<Record<string, unknown>>>;
  readonly rules: Map<string, Located<string>>;
  readonly queries: Map<string, Located<Record<string, unknown>>>;
  readonly workflows: Map<string, Located<Record<string, unknown>>>;
  readonly dashboards: Map<string, Located<Record<string, unknown>>>;
  readonly i18n: Map<string, Located<Record<string, unknown>>>;
  readonly seeds: Located<Record<string, unknown>>[];
  theme?: Located<Record<string, unknown>>;
  readonly expressions: Map<string, Expression>;
  /** Entities whose files failed validation: references to them are not reported again (no cascade). */
  readonly invalidEntities: Set<string>;
}

/** The key under which a checked expression is stored: file and document path. */
export function expressionKey(file: SourceFile | string, path: DocPath): string {
  return `${typeof file === "string" ? file : file.path}#${path.join("/")}`;
}

/** An empty model for an app folder. */
export function emptyModel(root: string, files: readonly SourceFile[]): Model {
  return {
    root,
    files,
    entities: new Map(),
    roles: new Map(),
    permissions: new Map(),
    rules: new Map(),
    queries: new Map(),
    workflows: new Map(),
    dashboards: new Map(),
    i18n: new Map(),
    seeds: [],
    expressions: new Map(),
    invalidEntities: new Set(),
  };
}
