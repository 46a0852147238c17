import { describe, expect, test } from "bun:test";
import { checkExpression, T, type ExprCode, type ExprScope } from "../../../compiler/expr/index.ts";
import type { ExprType } from "../../../compiler/ir/index.ts";
import { actionScope, parse, policyScope, recordScope, slice } from "./helpers.ts";

type Want = { code: ExprCode; at: string; message: string; hint?: string };
type Case = [string, { given: string; scope?: ExprScope; expected?: ExprType; want: Want[] }];

function run([, { given, scope, expected, want }]: Case): void {
  const { diagnostics } = checkExpression(parse(given), scope ?? recordScope, expected);
  const got = diagnostics.map((d) => ({ code: d.code, at: slice(given, d), message: d.message, ...(d.hint && { hint: d.hint }) }));
  expect(got).toEqual(want);
  for (const d of diagnostics) expect(d.severity).toBe("error");
}

describe("WV401 unknown name", () => {
  const cases: Case[] = [
    ["typo of a field", { given: "totl > 0", want: [{ code: "WV401", at: "totl", message: "unknown name `totl`", hint: "did you mean `total`?" }] }],
    ["typo of a variable", { given: "usr.id == owner", scope: policyScope, want: [{ code: "WV401", at: "usr", message: "unknown name `usr`", hint: "did you mean `user`?" }] }],
    ["typo of a macro variable", { given: "lines.exists(line, lin.qty > 1)", want: [{ code: "WV401", at: "lin", message: "unknown name `lin`", hint: "did you mean `line`?" }] }],
    ["nothing close", { given: "zzzzzz", want: [{ code: "WV401", at: "zzzzzz", message: "unknown name `zzzzzz`" }] }],
    ["an Object.prototype key is not a name", { given: "toString", want: [{ code: "WV401", at: "toString", message: "unknown name `toString`" }] }],
    ["a function used as a name", { given: "today < due", want: [{ code: "WV401", at: "today", message: "unknown name `today`", hint: "`today` is a function: call it, like `today()`" }] }],
    ["macro variable out of its body", { given: "lines.exists(l, true) && l.qty > 0", want: [{ code: "WV401", at: "l", message: "unknown name `l`" }] }],
    ["no record context", { given: "total", scope: { variables: {}, members: () => undefined }, want: [{ code: "WV401", at: "total", message: "unknown name `total`" }] }],
  ];
  test.each(cases)("%s", (name, c) => run([name, c]));
});

describe("WV402 unknown member", () => {
  const cases: Case[] = [
    ["typo through a ref", { given: "customer.nmae == 'x'", want: [{ code: "WV402", at: "nmae", message: "`Customer` has no member `nmae`", hint: "did you mean `name`?" }] }],
    ["on record", { given: "record.totals > 0", want: [{ code: "WV402", at: "totals", message: "`Invoice` has no member `totals`", hint: "did you mean `total`?" }] }],
    ["on user", { given: "user.role", scope: policyScope, want: [{ code: "WV402", at: "role", message: "`user` has no member `role`", hint: "did you mean `roles`?" }] }],
    ["in a projection", { given: "sum(lines.totl)", want: [{ code: "WV402", at: "totl", message: "`InvoiceLine` has no member `totl`", hint: "did you mean `total`?" }] }],
    ["an Object.prototype key is not a member", { given: "customer.constructor", want: [{ code: "WV402", at: "constructor", message: "`Customer` has no member `constructor`" }] }],
    ["on a scalar", { given: "total.amount", want: [{ code: "WV402", at: "amount", message: "`money` has no member `amount`" }] }],
    ["a method without a call", { given: "number.contains", want: [{ code: "WV402", at: "contains", message: "`string` has no member `contains`", hint: "`contains` is a method: call it, like `x.contains(...)`" }] }],
    ["a function as a member", { given: "lines.size", want: [{ code: "WV402", at: "size", message: "`InvoiceLine` has no member `size`" }] }],
    ["on a list of scalars", { given: "tags.length", want: [{ code: "WV402", at: "length", message: "`list<string>` has no member `length`", hint: "use `list.map(x, ...)` to reach into list items" }] }],
  ];
  test.each(cases)("%s", (name, c) => run([name, c]));
});

describe("WV403 operand types", () => {
  const cases: Case[] = [
    ["money + string", { given: "total + 'x'", want: [{ code: "WV403", at: "total + 'x'", message: "cannot apply `+` to money and string", hint: "`+` joins two strings, or adds two numbers" }] }],
    ["money * money", { given: "total * subtotal", want: [{ code: "WV403", at: "total * subtotal", message: "cannot apply `*` to money and money", hint: "money cannot be multiplied by money: multiply by a number" }] }],
    ["number / money", { given: "1 / total", want: [{ code: "WV403", at: "1 / total", message: "cannot apply `/` to int and money", hint: "a number cannot be divided by money" }] }],
    ["date arithmetic", { given: "due - 1", want: [{ code: "WV403", at: "due - 1", message: "cannot apply `-` to date and int", hint: "date arithmetic is not supported; compare dates with `<` or `>`" }] }],
    ["bool arithmetic", { given: "paid * 2", want: [{ code: "WV403", at: "paid * 2", message: "cannot apply `*` to bool and int" }] }],
    ["date vs datetime", { given: "due < sentAt", want: [{ code: "WV403", at: "due < sentAt", message: "cannot apply `<` to date and datetime" }] }],
    ["date vs string", { given: "due < number", want: [{ code: "WV403", at: "due < number", message: "cannot apply `<` to date and string" }] }],
    ["malformed date literal", { given: "due == '2024-13-45' || due < '31.12.2024'", want: [{ code: "WV403", at: "'2024-13-45'", message: "'2024-13-45' is not a date", hint: "write a date in ISO form, like '2024-12-31'" }, { code: "WV403", at: "'31.12.2024'", message: "'31.12.2024' is not a date", hint: "write a date in ISO form, like '2024-12-31'" }] }],
    ["malformed datetime literal", { given: "'yesterday' < sentAt", want: [{ code: "WV403", at: "'yesterday'", message: "'yesterday' is not a datetime", hint: "write a datetime in ISO form, like '2024-12-31T09:30:00Z'" }] }],
    ["ordering with null", { given: "due < null", want: [{ code: "WV403", at: "due < null", message: "cannot apply `<` to date and null", hint: "compare with null using `==` or `!=`, or test with `has(...)`" }] }],
    ["ordering enums", { given: "status > 'draft'", want: [{ code: "WV403", at: "status > 'draft'", message: "cannot apply `>` to enum(draft, sent, paid) and string", hint: "enum values have no order: use `==`, `!=` or `in`" }] }],
    ["equality of unrelated types", { given: "total == 'x'", want: [{ code: "WV403", at: "total == 'x'", message: "cannot apply `==` to money and string" }] }],
    ["enum literal not a value", { given: "status == 'snet'", want: [{ code: "WV403", at: "'snet'", message: "'snet' is not a value of `status`; allowed: 'draft', 'sent', 'paid'", hint: "did you mean 'sent'?" }] }],
    ["enum literal on the left", { given: "'Paid' != status", want: [{ code: "WV403", at: "'Paid'", message: "'Paid' is not a value of `status`; allowed: 'draft', 'sent', 'paid'", hint: "did you mean 'paid'?" }] }],
    ["enum literal in a list", { given: "status in ['draft', 'void']", want: [{ code: "WV403", at: "'void'", message: "'void' is not a value of `status`; allowed: 'draft', 'sent', 'paid'" }] }],
    ["enum literal in list.contains", { given: "[status].contains('sen')", want: [{ code: "WV403", at: "'sen'", message: "'sen' is not a value of the enum; allowed: 'draft', 'sent', 'paid'", hint: "did you mean 'sent'?" }] }],
    ["in on a string", { given: "'a' in number", want: [{ code: "WV403", at: "number", message: "`in` needs a list on its right, found string", hint: "to search in a string use `s.contains(x)`" }] }],
    ["in with the wrong element", { given: "total in tags", want: [{ code: "WV403", at: "total in tags", message: "cannot apply `in` to money and list<string>" }] }],
    ["&& on a number", { given: "paid && count", want: [{ code: "WV403", at: "count", message: "the right side of `&&` must be bool, found int" }] }],
    ["|| on a string", { given: "number || paid", want: [{ code: "WV403", at: "number", message: "the left side of `||` must be bool, found string" }] }],
    ["! on money", { given: "!total", want: [{ code: "WV403", at: "total", message: "the operand of `!` must be bool, found money" }] }],
    ["- on a string", { given: "-number", want: [{ code: "WV403", at: "number", message: "the operand of `-` must be a number, found string" }] }],
    ["ternary condition", { given: "count ? 1 : 2", want: [{ code: "WV403", at: "count", message: "the condition of `? :` must be bool, found int" }] }],
    ["ternary branches", { given: "paid ? total : 'none'", want: [{ code: "WV403", at: "paid ? total : 'none'", message: "the branches of `? :` must have one type: found money and string" }] }],
    ["list items", { given: "[1, 'a']", want: [{ code: "WV403", at: "'a'", message: "list items must have one type: found int and string" }] }],
  ];
  test.each(cases)("%s", (name, c) => run([name, c]));
});

describe("WV404 wrong result type", () => {
  const cases: Case[] = [
    ["money where bool is expected", { given: "total", expected: T.bool, want: [{ code: "WV404", at: "total", message: "expected bool, found money", hint: "compare the value, e.g. `total > 0`, or test it with `has(...)`" }] }],
    ["string where money is expected", { given: "number + 'x'", expected: T.money, want: [{ code: "WV404", at: "number + 'x'", message: "expected money, found string" }] }],
    ["money where int is expected", { given: "sum(lines.total)", expected: T.int, want: [{ code: "WV404", at: "sum(lines.total)", message: "expected int, found money" }] }],
    ["a string where an enum is expected", { given: "paid ? number : 'draft'", expected: STATUS_ONLY(), want: [{ code: "WV404", at: "paid ? number : 'draft'", message: "expected enum(draft, sent, paid), found string" }] }],
    ["a string literal that is not a value of the expected enum", { given: "paid ? 'paid' : 'snet'", expected: STATUS_ONLY(), want: [{ code: "WV404", at: "'snet'", message: "expected one of 'draft', 'sent', 'paid', found 'snet'", hint: "did you mean 'sent'?" }] }],
    ["no cascade after an error", { given: "totl", expected: T.bool, want: [{ code: "WV401", at: "totl", message: "unknown name `totl`", hint: "did you mean `total`?" }] }],
  ];
  test.each(cases)("%s", (name, c) => run([name, c]));
});

function STATUS_ONLY(): ExprType {
  return T.enum(["draft", "sent", "paid"]);
}

describe("WV405 unknown function or arity", () => {
  const cases: Case[] = [
    ["typo", { given: "szie(lines) > 0", want: [{ code: "WV405", at: "szie", message: "unknown function `szie`", hint: "did you mean `size`?" }] }],
    ["an Object.prototype key is not a function", { given: "hasOwnProperty(1)", want: [{ code: "WV405", at: "hasOwnProperty", message: "unknown function `hasOwnProperty`" }] }],
    ["an Object.prototype key is not a method", { given: "number.valueOf(1)", want: [{ code: "WV405", at: "number.valueOf(1)", message: "unknown method `valueOf` on string", hint: "methods here: contains, startsWith, endsWith" }] }],
    ["too many arguments", { given: "size(lines, 1)", want: [{ code: "WV405", at: "size(lines, 1)", message: "`size` takes 1 argument, found 2", hint: "call it like `size(x)`" }] }],
    ["too few arguments", { given: "coalesce(due)", want: [{ code: "WV405", at: "coalesce(due)", message: "`coalesce` takes at least 2 arguments, found 1", hint: "call it like `coalesce(a, b, ...)`" }] }],
    ["optional argument range", { given: "round(total, 2, 3)", want: [{ code: "WV405", at: "round(total, 2, 3)", message: "`round` takes 1 to 2 arguments, found 3", hint: "call it like `round(n, digits?)`" }] }],
    ["arguments to now", { given: "now(1)", want: [{ code: "WV405", at: "now(1)", message: "`now` takes 0 arguments, found 1", hint: "call it like `now()`" }] }],
    ["a macro called as a function", { given: "exists(lines, true)", want: [{ code: "WV405", at: "exists", message: "unknown function `exists`", hint: "`exists` is a macro: write `list.exists(x, ...)`" }] }],
    ["a method called as a function", { given: "contains(number, 'x')", want: [{ code: "WV405", at: "contains", message: "unknown function `contains`", hint: "`contains` is a method: write `x.contains(value)`" }] }],
    ["unknown method", { given: "number.startWith('A')", want: [{ code: "WV405", at: "number.startWith('A')", message: "unknown method `startWith` on string", hint: "did you mean `startsWith`?" }] }],
    ["method on the wrong type", { given: "total.contains(1)", want: [{ code: "WV405", at: "total.contains(1)", message: "unknown method `contains` on money" }] }],
    ["function as a method", { given: "lines.size()", want: [{ code: "WV405", at: "lines.size()", message: "unknown method `size` on list<InvoiceLine>", hint: "`size` is a function: write `size(x)`" }] }],
    ["method arity", { given: "number.contains('a', 'b')", want: [{ code: "WV405", at: "number.contains('a', 'b')", message: "`contains` takes 1 argument, found 2", hint: "call it like `x.contains(value)`" }] }],
  ];
  test.each(cases)("%s", (name, c) => run([name, c]));
});

describe("WV406 argument type", () => {
  const cases: Case[] = [
    ["sum of strings", { given: "sum(tags)", want: [{ code: "WV406", at: "tags", message: "`sum` needs a list of numbers, found list<string>" }] }],
    ["sum of a scalar", { given: "sum(total)", want: [{ code: "WV406", at: "total", message: "`sum` needs a list of numbers, found money" }] }],
    ["size of a number", { given: "size(total)", want: [{ code: "WV406", at: "total", message: "`size` needs a list or a string, found money" }] }],
    ["min of bools", { given: "min([paid])", want: [{ code: "WV406", at: "[paid]", message: "`min` needs a list of numbers, strings or dates, found list<bool>" }] }],
    ["lower of a number", { given: "lower(count)", want: [{ code: "WV406", at: "count", message: "`lower` needs a string, found int" }] }],
    ["abs of a string", { given: "abs(number)", want: [{ code: "WV406", at: "number", message: "`abs` needs a number, found string" }] }],
    ["round digits", { given: "round(total, 1.5)", want: [{ code: "WV406", at: "1.5", message: "`round` needs a whole number of digits (int), found decimal" }] }],
    ["has of a non-field", { given: "has(1)", want: [{ code: "WV406", at: "1", message: "`has` needs a field, like `has(record.due)`, found int" }] }],
    ["coalesce of unrelated types", { given: "coalesce(due, 1)", want: [{ code: "WV406", at: "1", message: "arguments of `coalesce` must have one type: found date and int" }] }],
    ["contains with a number", { given: "number.contains(1)", want: [{ code: "WV406", at: "1", message: "`contains` needs a value of type string, found int" }] }],
    ["list contains the wrong type", { given: "tags.contains(total)", want: [{ code: "WV406", at: "total", message: "`contains` needs a value of type string, found money" }] }],
    ["macro on a scalar", { given: "total.exists(x, true)", want: [{ code: "WV406", at: "total", message: "`exists` needs a list, found money" }] }],
    ["macro condition not bool", { given: "lines.filter(l, l.qty)", want: [{ code: "WV406", at: "l.qty", message: "`filter` needs a bool condition, found int" }] }],
  ];
  test.each(cases)("%s", (name, c) => run([name, c]));
});

describe("WV407 name not available in this context", () => {
  const cases: Case[] = [
    ["user in a computed field", { given: "user.id == owner", want: [{ code: "WV407", at: "user", message: "`user` is not available here", hint: "`user` exists in policies, transition `allow`s, actions and queries" }] }],
    ["input outside an action", { given: "input.amount > 0", scope: policyScope, want: [{ code: "WV407", at: "input", message: "`input` is not available here", hint: "`input` exists in action expressions" }] }],
    ["params outside a query", { given: "due < params.asOf", scope: actionScope, want: [{ code: "WV407", at: "params", message: "`params` is not available here", hint: "`params` exists in query expressions" }] }],
    ["record without a record", { given: "record.total", scope: { variables: {}, members: () => undefined }, want: [{ code: "WV407", at: "record", message: "`record` is not available here", hint: "`record` exists in expressions about a record" }] }],
    ["tenant in a rule used in a computed field", { given: "paid && $member", want: [{ code: "WV407", at: "$member", message: "in shared rule `$member`: `tenant` is not available here", hint: "`tenant` exists in policies, transition `allow`s, actions and queries" }] }],
  ];
  test.each(cases)("%s", (name, c) => run([name, c]));
});

describe("WV408 unknown shared rule", () => {
  const cases: Case[] = [
    ["typo", { given: "$isBiling", scope: policyScope, want: [{ code: "WV408", at: "$isBiling", message: "unknown shared rule `$isBiling`", hint: "did you mean `$isBilling`?" }] }],
    ["nothing close", { given: "$zzz", want: [{ code: "WV408", at: "$zzz", message: "unknown shared rule `$zzz`", hint: "shared rules are defined under `rules:` in a policy file" }] }],
    ["no rules at all", { given: "$member", scope: { ...policyScope, rules: undefined }, want: [{ code: "WV408", at: "$member", message: "unknown shared rule `$member`", hint: "shared rules are defined under `rules:` in a policy file" }] }],
    ["a cycle through two rules", { given: "paid || $loopA", want: [{ code: "WV408", at: "$loopA", message: "in shared rule `$loopA`: shared rules refer to each other in a cycle: $loopA -> $loopB -> $loopA", hint: "a rule cannot use itself, directly or through others" }] }],
    ["a rule using itself", { given: "$self", want: [{ code: "WV408", at: "$self", message: "in shared rule `$self`: shared rules refer to each other in a cycle: $self -> $self", hint: "a rule cannot use itself, directly or through others" }] }],
  ];
  test.each(cases)("%s", (name, c) => run([name, c]));
});

describe("checkExpression keeps going", () => {
  test("reports every independent error, sorted by position", () => {
    const source = "totl > 0 && customer.nmae == 'x' && szie(lines) > 0 && status == 'snet'";
    const { diagnostics } = checkExpression(parse(source), recordScope, T.bool);
    expect(diagnostics.map((d) => [d.code, slice(source, d)])).toEqual([
      ["WV401", "totl"],
      ["WV402", "nmae"],
      ["WV405", "szie"],
      ["WV403", "'snet'"],
    ]);
  });

  test("an unknown name is reported once, not again by the operators around it", () => {
    const { diagnostics, type } = checkExpression(parse("-(totl * 2) + sum([totl]) > abs(totl)"), recordScope, T.bool);
    expect(diagnostics.map((d) => d.code)).toEqual(["WV401", "WV401", "WV401"]);
    expect(type).toEqual(T.bool);
  });

  test("a member of an unknown name is not reported", () => {
    const { diagnostics } = checkExpression(parse("custmer.name.first"), recordScope);
    expect(diagnostics.map((d) => d.code)).toEqual(["WV401"]);
  });
});
