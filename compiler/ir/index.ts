/**
 * The IR: plain, readonly, JSON-serialisable data. Types are generated from schema/ir.schema.json.
 * This module imports nothing else of weave's.
 */
export type * from "./ir.generated.ts";
import type { WeaveIR } from "./ir.generated.ts";

/** Makes a generated type deeply readonly: the IR is never mutated after lowering. */
export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** The compiled model, as every generator and the runtime see it. */
export type IR = DeepReadonly<WeaveIR>;

/** The IR format version this compiler writes. */
export const IR_VERSION = 1 as const;

/** An entity of the IR, readonly. */
export type IREntity = IR["entities"][number];
/** A field of an IR entity, readonly. */
export type IRField = IREntity["fields"][number];
/** A checked expression of the IR, readonly. */
export type IRExpression = NonNullable<IRField["computed"]>;
