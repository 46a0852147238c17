/**
 * Entity hooks: the app's TypeScript run inside the write's transaction.
 *
 * PROVISIONAL: the entity spec has no `hooks` key yet. Until it does, hooks are read from
 * the entity's `hooks:`, a map from hook name to module path (relative to the app folder):
 *
 *   meta:
 *     hooks:
 *       beforeValidate: ./hooks/invoice.ts   # the input as received; may change it
 *       afterValidate: ./hooks/invoice.ts    # the input weave accepted
 *       beforePersist: ./hooks/invoice.ts    # just before the INSERT/UPDATE/DELETE; may change the input
 *       afterPersist: ./hooks/invoice.ts     # after the write and the rules, with the record as saved
 *
 * A module exports a function named like the hook, or a default export, or `run`. It gets
 * `HookArgs` and may return a new input (before* hooks). Whatever it throws rolls the whole
 * request back: a WeaveError as it is, any other error as a 422 with its message. A module that
 * cannot be loaded is a 500.
 */
import type { Transaction } from "kysely";
import type { IR, IREntity } from "../../compiler/ir/index.ts";
import type { Identity } from "../server/context.ts";
import { unprocessable, WeaveError } from "../server/errors.ts";
import { loadFunction } from "./modules.ts";

export const HOOK_NAMES = ["beforeValidate", "afterValidate", "beforePersist", "afterPersist"] as const;
export type HookName = (typeof HOOK_NAMES)[number];

/** What a hook is called with. */
export interface HookArgs {
  readonly hook: HookName;
  readonly operation: "create" | "update" | "delete" | "transition";
  readonly entity: IREntity;
  /** The request body (create, update) as the hook may change it; `{}` for delete and transitions. */
  input: Record<string, unknown>;
  /** The record before the write (update, delete, transition); null on create. */
  readonly before: Readonly<Record<string, unknown>> | null;
  /** afterPersist: the record as saved (null after a delete). */
  readonly record?: Readonly<Record<string, unknown>> | null;
  /** The transition's name, for transitions. */
  readonly transition?: string;
  /** The request's transaction: whatever a hook writes commits or rolls back with the request. */
  readonly db: Transaction<any>;
  readonly identity: Identity;
  readonly ir: IR;
  readonly requestId: string;
}

/** The hook module paths of an entity (its `hooks:`), by hook name. */
export function hooksOf(entity: IREntity): Partial<Record<HookName, string>> {
  return entity.hooks ?? {};
}

/**
 * Runs the entity's `hook`, if it has one; returns the input, changed when the hook returned one.
 *
 * @example args.input = await runHook(appDir, { ...args, hook: "beforeValidate" });
 */
export async function runHook(appDir: string | undefined, args: HookArgs): Promise<Record<string, unknown>> {
  const path = hooksOf(args.entity)[args.hook];
  if (!path) return args.input;
  const fn = await loadFunction(appDir, path, args.hook);
  let result: unknown;
  try {
    result = await fn(args);
  } catch (error) {
    if (error instanceof WeaveError) throw error;
    // A hook that throws refuses the write; a database error it caused is still the database's.
    if (isDatabaseError(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw unprocessable(`${args.hook} hook of ${args.entity.name}: ${message}`, [{ path: "/", message, code: "hook" }]);
  }
  return typeof result === "object" && result !== null && !Array.isArray(result) ? (result as Record<string, unknown>) : args.input;
}

const isDatabaseError = (error: unknown): boolean => typeof (error as { code?: unknown } | null)?.code === "string" && /^[0-9A-Z]{5}$/.test((error as { code: string }).code);
