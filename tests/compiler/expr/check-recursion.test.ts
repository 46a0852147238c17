/**
 * `check(...)` back to the policy being checked: a recursion through a related record stays a call
 * (`check(x, op, Entity)`) for the run time to follow; what cannot be followed is WV410. And the
 * evaluator's bounded recursion over such a call.
 */
import { describe, expect, test } from "bun:test";
import { CHECK_DEPTH_LIMIT, evaluate, type ExprScope } from "../../../compiler/expr/index.ts";
import type { Expr, ExprType } from "../../../compiler/ir/index.ts";
import { builtinMembers, TENANT_TYPE, USER_TYPE } from "../../../compiler/expr/scope.ts";
import { T } from "../../../compiler/expr/types.ts";
import { check, parse, sexpr } from "./helpers.ts";

const FOLDER = T.entity("Folder");
const MODEL: Record<string, Record<string, ExprType>> = {
  Folder: { owner: T.uuid, public: T.bool, parent: FOLDER, children: T.list(FOLDER), team: T.entity("Team") },
  Team: { lead: T.uuid, folder: FOLDER },
};

function scope(policies: Record<string, string>, policyNames?: string[]): ExprScope {
  return {
    variables: { user: USER_TYPE, tenant: TENANT_TYPE, record: FOLDER },
    implicit: FOLDER,
    members: (t) => builtinMembers(t) ?? (t.kind === "entity" ? MODEL[t.name] : undefined),
    policy: (entity, op) => (policies[`${entity}.${op}`] === undefined ? undefined : parse(policies[`${entity}.${op}`]!)),
    ...(policyNames ? { policyNames } : {}),
  };
}

const READ = "owner == user.id || check(parent, 'read')";

describe("a policy that delegates to itself", () => {
  const cases: [string, { given: string; policies: Record<string, string>; names?: string[]; want: string }][] = [
    ["stays a call naming the entity, in the policy itself", {
      given: READ, policies: { "Folder.read": READ }, names: ["Folder.read"],
      want: '(|| (== (. record owner) (. user id)) (call check (. record parent) "read" "Folder"))',
    }],
    ["is inlined once, then a call, where another expression delegates to it", {
      given: "check(parent, 'read')", policies: { "Folder.read": READ },
      want: '(&& (call has (. record parent)) (|| (== (. (. record parent) owner) (. user id)) (call check (. (. record parent) parent) "read" "Folder")))',
    }],
    ["through another entity, back to itself", {
      given: "public || check(team, 'read')", policies: { "Folder.read": "public || check(team, 'read')", "Team.read": "lead == user.id || check(folder, 'read')" }, names: ["Folder.read"],
      want: '(|| (. record public) (&& (call has (. record team)) (|| (== (. (. record team) lead) (. user id)) (call check (. (. record team) folder) "read" "Folder"))))',
    }],
  ];
  test.each(cases)("%s", (_, { given, policies, names, want }) => {
    const result = check(given, scope(policies, names));
    expect(result.diagnostics).toEqual([]);
    expect(sexpr(result.ast)).toBe(want);
  });

  const refused: [string, { given: string; policies?: Record<string, string>; message: RegExp }][] = [
    ["on the same record", { given: "public || check(record, 'read')", message: /cycle: Folder.read -> Folder.read$/ }],
    ["on the same record, through another operation", { given: "check(record, 'update')", policies: { "Folder.update": "check(record, 'read')" }, message: /cycle: Folder.read -> Folder.update -> Folder.read$/ }],
    ["twice: a tree, not a chain", { given: "check(parent, 'read') || check(team.folder, 'read')", message: /`Folder.read` delegates to itself more than once/ }],
    ["under a negation", { given: "public && !check(parent, 'read')", message: /`Folder.read` delegates to itself under `!`/ }],
    ["in a macro", { given: "children.exists(c, check(c, 'read'))", message: /delegates to itself under/ }],
  ];
  test.each(refused)("is WV410 %s", (_, { given, policies = {}, message }) => {
    const { diagnostics } = check(given, scope({ "Folder.read": given, ...policies }, ["Folder.read"]));
    expect(diagnostics.map((d) => d.code)).toEqual(["WV410"]);
    expect(diagnostics[0]!.message).toMatch(message);
  });
});

describe("evaluating a recursive delegation", () => {
  const policy: Expr = check(READ, scope({ "Folder.read": READ }, ["Folder.read"])).ast;
  const policies = (entity: string, op: string) => (entity === "Folder" && op === "read" ? policy : undefined);
  /** A chain of `length` folders, the root owned by `owner`; returns the deepest. */
  const chain = (length: number, owner: string | null) => {
    let folder: Record<string, unknown> = { owner, parent: null };
    for (let i = 1; i < length; i++) folder = { owner: null, parent: folder };
    return folder;
  };
  const read = (record: unknown, user = "ann") => evaluate(policy, { variables: { record, user: { id: user } }, policy: policies });

  test("follows the parents up to the limit, then denies", () => {
    expect(read(chain(CHECK_DEPTH_LIMIT + 1, "ann"))).toBe(true);
    expect(read(chain(CHECK_DEPTH_LIMIT + 2, "ann"))).toBe(false);
    expect(read(chain(3, "bob"))).toBe(false);
  });

  test("a loop in the data ends at the limit", () => {
    const a: Record<string, unknown> = { owner: null };
    a.parent = { owner: null, parent: a };
    expect(read(a)).toBe(false);
  });

  test("without the IR's policies it cannot be evaluated", () => {
    expect(() => evaluate(policy, { variables: { record: chain(2, "bob"), user: { id: "ann" } } })).toThrow(/pass the IR's policies/);
  });
});
