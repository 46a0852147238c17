import { describe, expect, test } from "bun:test";
import { checkExpression, evaluate, ExpressionError, parseExpression, type EvalContext } from "../../../compiler/expr/index.ts";
import { isDecimal } from "../../../compiler/expr/decimal.ts";
import { check, policyScope, recordScope } from "./helpers.ts";

/** Renders a result so tables can say exactly what came back: `3` is a JS number, `3d` a Decimal. */
function show(value: unknown): string {
  if (value === null) return "null";
  if (isDecimal(value)) return `${value.toString()}d`;
  if (value instanceof Date) return `@${value.toISOString()}`;
  if (Array.isArray(value)) return `[${value.map(show).join(", ")}]`;
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

const NOW = new Date("2024-05-02T23:30:00Z");

/** Invoice data as Postgres returns it: numeric columns as strings. */
const invoice = () => ({
  number: "INV-7",
  total: "10.00",
  subtotal: "0.30",
  limit: "9.00",
  rate: "0.25",
  count: 3,
  due: "2024-05-01",
  sentAt: "2024-04-30T12:00:00.000Z",
  paid: false,
  status: "sent",
  notes: null,
  meta: { source: "import", n: 2 },
  owner: "u1",
  customer: { id: "c1", name: "Acme", invoices: [], owner: { id: "u1", email: "a@x" } },
  lines: [
    { total: "0.10", qty: 1, price: "0.10", product: { name: "Tea", tags: ["drink"] }, notes: "b" },
    { total: "0.20", qty: 2, price: "0.10", product: null, notes: null },
  ],
  tags: ["a", "b"],
});

function run(source: string, record: Record<string, unknown> = invoice(), extra: Partial<EvalContext> = {}): unknown {
  const checked = check(source, policyScope);
  expect(checked.diagnostics).toEqual([]);
  const variables = { record, user: { id: "u1", roles: ["billing"] }, tenant: { id: "t1", member: true, roles: [] } };
  return evaluate(checked.ast, { variables, now: () => NOW, ...extra });
}

type Case = [string, { given: string; want: string }];
const table = (cases: Case[]) => test.each(cases)("%s", (_, { given, want }) => expect(show(run(given))).toBe(want));

describe("evaluate: literals and arithmetic", () => {
  table([
    ["int", { given: "1 + 2 * 3", want: "7" }],
    ["int stays a JS number", { given: "7 % 3 - 10", want: "-9" }],
    ["decimal literal is exact", { given: "0.1 + 0.2", want: "0.3d" }],
    ["0.1 + 0.2 == 0.3", { given: "0.1 + 0.2 == 0.3", want: "true" }],
    ["money from strings is exact", { given: "sum(lines.total) == subtotal", want: "true" }],
    ["money times int", { given: "total * 3", want: "30d" }],
    ["money times decimal keeps the digits", { given: "total * rate", want: "2.5d" }],
    ["int division is exact", { given: "7 / 2", want: "3.5d" }],
    ["division rounds at 34 digits", { given: "1 / 3", want: "0.3333333333333333333333333333333333d" }],
    ["division by zero is null", { given: "total / 0", want: "null" }],
    ["modulo by zero is null", { given: "count % 0", want: "null" }],
    ["modulo keeps the dividend's sign", { given: "-7 % 3", want: "-1" }],
    ["decimal modulo", { given: "5.5 % 2", want: "1.5d" }],
    ["unary minus on a string number", { given: "-total", want: "-10d" }],
    ["unary minus on an int", { given: "-count", want: "-3" }],
    ["ints beyond 2^53 stay exact", { given: "9007199254740991 + 2", want: "9007199254740993d" }],
    ["string concatenation", { given: "number + '/' + status", want: '"INV-7/sent"' }],
    ["list", { given: "[1, 2.5, null]", want: "[1, 2.5, null]" }],
  ]);
});

describe("evaluate: comparison and logic", () => {
  table([
    ["numbers of different forms", { given: "total == 10", want: "true" }],
    ["string number vs decimal", { given: "rate == 0.250", want: "true" }],
    ["ordering with a literal", { given: "total > 9.99", want: "true" }],
    ["strings", { given: "number < 'J' && number >= 'INV'", want: "true" }],
    ["enum equality", { given: "status == 'sent' && status != 'paid'", want: "true" }],
    ["dates as strings", { given: "due < today() && due >= '2024-05-01'", want: "true" }],
    ["datetime vs now", { given: "sentAt < now()", want: "true" }],
    ["ref id vs user id", { given: "owner == user.id", want: "true" }],
    ["loaded ref vs user id", { given: "customer.owner == user.id", want: "true" }],
    ["in a list", { given: "'billing' in user.roles && !('admin' in user.roles)", want: "true" }],
    ["number in a literal list", { given: "count in [1, 3.0]", want: "true" }],
    ["list contains", { given: "tags.contains('b')", want: "true" }],
    ["string methods", { given: "number.startsWith('INV') && number.endsWith('7') && number.contains('V-')", want: "true" }],
    ["ternary", { given: "paid ? 'yes' : 'no'", want: '"no"' }],
    ["shared rule inlined", { given: "$isBilling && $member", want: "true" }],
  ]);
});

test("&& and || do not evaluate their right side when the left decides", () => {
  // `customer` is an unloaded ref: reading its name would throw.
  const record = { ...invoice(), paid: false, customer: "c1" };
  expect(run("paid && customer.name == 'x'", record)).toBe(false);
  expect(run("!paid || customer.name == 'x'", record)).toBe(true);
  expect(() => run("!paid && customer.name == 'x'", record)).toThrow(ExpressionError);
});

describe("evaluate: null semantics", () => {
  table([
    ["arithmetic with null is null", { given: "count + null", want: "null" }],
    ["concatenation with null is null", { given: "number + notes", want: "null" }],
    ["== null", { given: "notes == null", want: "true" }],
    ["!= null", { given: "number != null", want: "true" }],
    ["null == value is false", { given: "notes == 'x'", want: "false" }],
    ["null != value is true", { given: "notes != 'x'", want: "true" }],
    ["< with null is false", { given: "lines.exists(l, l.notes < 'z')", want: "true" }],
    ["every ordering with null is false", { given: "lines.filter(l, l.notes < 'z' || l.notes >= 'z' || l.notes > 'z' || l.notes <= 'z').map(l, l.qty)", want: "[1]" }],
    ["null in a list is false", { given: "notes in ['x']", want: "false" }],
    ["! null is true (null counts as false)", { given: "!(notes == null ? null : true)", want: "true" }],
    ["null && true", { given: "(paid ? true : null) && true", want: "false" }],
    ["member of null is null", { given: "lines.map(l, l.product.name)", want: '["Tea", null]' }],
    ["has of a null field", { given: "has(notes)", want: "false" }],
    ["has of a set field", { given: "has(number)", want: "true" }],
    ["has through a null ref", { given: "lines.map(l, has(l.product.name))", want: "[true, false]" }],
    ["coalesce", { given: "coalesce(notes, number)", want: '"INV-7"' }],
    ["coalesce of nulls", { given: "coalesce(notes, null)", want: "null" }],
    ["sum skips nulls", { given: "sum(lines.map(l, l.notes == null ? null : l.total))", want: "0.1d" }],
    ["count counts non-null items", { given: "count(lines.notes)", want: "1" }],
    ["size counts all items", { given: "size(lines.notes)", want: "2" }],
    ["lower of null", { given: "lower(notes)", want: "null" }],
    ["contains on null", { given: "notes.contains('x')", want: "false" }],
  ]);
});

describe("evaluate: functions", () => {
  table([
    ["size of a string counts characters", { given: "size('héllo') + size('😀')", want: "6" }],
    ["size of a list", { given: "size(lines)", want: "2" }],
    ["sum of ints", { given: "sum(lines.qty)", want: "3" }],
    ["sum of the empty list is 0", { given: "sum(customer.invoices.total)", want: "0" }],
    ["count of the empty list is 0", { given: "count(customer.invoices)", want: "0" }],
    ["min of the empty list is null", { given: "min(customer.invoices.total)", want: "null" }],
    ["max of the empty list is null", { given: "max(customer.invoices.total)", want: "null" }],
    ["avg of the empty list is null", { given: "avg(customer.invoices.total)", want: "null" }],
    ["min of money", { given: "min(lines.total)", want: '"0.10"' }],
    ["max of strings", { given: "max(['b', 'c', 'a'])", want: '"c"' }],
    ["avg of ints", { given: "avg(lines.qty)", want: "1.5d" }],
    ["avg of money", { given: "avg(lines.total)", want: "0.15d" }],
    ["abs", { given: "abs(-total)", want: "10d" }],
    ["abs of an int", { given: "abs(-3)", want: "3" }],
    ["round half away from zero", { given: "[round(2.345, 2), round(-2.345, 2), round(2.5), round(-2.5)]", want: "[2.35d, -2.35d, 3d, -3d]" }],
    ["round to tens", { given: "round(1234, -1)", want: "1230" }],
    ["round an int", { given: "round(7)", want: "7" }],
    ["lower and upper", { given: "lower(number) + upper('x')", want: '"inv-7X"' }],
    ["now is the injected clock", { given: "now()", want: "@2024-05-02T23:30:00.000Z" }],
    ["today is the UTC date of the clock", { given: "today()", want: '"2024-05-02"' }],
  ]);
});

describe("evaluate: members, projection and macros", () => {
  table([
    ["bare field", { given: "count", want: "3" }],
    ["through a loaded ref", { given: "customer.name", want: '"Acme"' }],
    ["projection", { given: "lines.total", want: '["0.10", "0.20"]' }],
    ["projection flattens, through a null ref to null", { given: "lines.product.tags", want: '["drink", null]' }],
    ["json member", { given: "meta.source", want: '"import"' }],
    ["absent field is null", { given: "meta.missing", want: "null" }],
    ["inherited properties are not fields", { given: "meta.constructor == null && meta.toString == null", want: "true" }],
    ["exists", { given: "lines.exists(l, l.qty > 1)", want: "true" }],
    ["exists on the empty list", { given: "customer.invoices.exists(i, true)", want: "false" }],
    ["all", { given: "lines.all(l, l.qty > 1)", want: "false" }],
    ["all on the empty list", { given: "customer.invoices.all(i, false)", want: "true" }],
    ["filter", { given: "size(lines.filter(l, l.qty > 1))", want: "1" }],
    ["map", { given: "lines.map(l, l.price * l.qty)", want: "[0.1d, 0.2d]" }],
    ["macro variable shadows and restores", { given: "lines.map(l, lines.exists(l, l.qty == 2))", want: "[true, true]" }],
    ["nested macros see outer variables", { given: "lines.map(l, lines.filter(m, m.qty >= l.qty).map(m, m.qty))", want: "[[1, 2], [2]]" }],
  ]);
});

describe("evaluate: typed reads", () => {
  const record = { ...invoice(), total: "10.00", limit: "9.00", count: "3", due: new Date("2024-05-01T00:00:00Z"), sentAt: "2024-04-30T12:00:00Z" };
  const variables = { record };
  const cases: [string, { given: string; want: [untyped: string, typed: string] }][] = [
    ["two numeric strings compare as numbers only with types", { given: "total > limit", want: ["false", "true"] }],
    ["int from a string", { given: "count", want: ['"3"', "3"] }],
    ["money becomes a Decimal", { given: "total", want: ['"10.00"', "10d"] }],
    ["a Date for a date becomes YYYY-MM-DD", { given: "due", want: ["@2024-05-01T00:00:00.000Z", '"2024-05-01"'] }],
    ["a datetime string becomes a Date", { given: "sentAt", want: ['"2024-04-30T12:00:00Z"', "@2024-04-30T12:00:00.000Z"] }],
    ["projection is typed too", { given: "lines.total", want: ['["0.10", "0.20"]', "[0.1d, 0.2d]"] }],
    ["macro variables are typed", { given: "lines.map(l, l.total)", want: ['["0.10", "0.20"]', "[0.1d, 0.2d]"] }],
    ["filtered lists are typed", { given: "lines.filter(l, true).map(l, l.price)", want: ['["0.10", "0.10"]', "[0.1d, 0.1d]"] }],
  ];
  test.each(cases)("%s", (_, { given, want }) => {
    const { ast } = check(given, recordScope);
    const untyped = evaluate(ast, { variables });
    const typed = evaluate(ast, { variables, types: recordScope });
    expect([show(untyped), show(typed)]).toEqual(want);
  });
});

test("a datetime without an offset is UTC, as in SQL, whatever the server's time zone", () => {
  const { ast } = check("sentAt", recordScope);
  const saved = process.env.TZ;
  process.env.TZ = "America/New_York";
  try {
    for (const written of ["2024-04-30T12:00:00", "2024-04-30 12:00:00", "2024-04-30T12:00"]) {
      expect(show(evaluate(ast, { variables: { record: { ...invoice(), sentAt: written } }, types: recordScope }))).toBe("@2024-04-30T12:00:00.000Z");
    }
    // An offset is kept.
    expect(show(evaluate(ast, { variables: { record: { ...invoice(), sentAt: "2024-04-30T12:00:00+02:00" } }, types: recordScope }))).toBe("@2024-04-30T10:00:00.000Z");
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
});

describe("evaluate: errors", () => {
  const cases: [string, { given: string; record?: Record<string, unknown>; want: RegExp; at?: string }][] = [
    ["an unloaded ref", { given: "customer.name", record: { customer: "c1" }, want: /cannot read `name` of the string "c1" \(is the relation loaded\?\)/, at: "customer.name" }],
    ["a non-number in arithmetic", { given: "total + 1", record: { total: "abc" }, want: /expected a number, found the string "abc"/, at: "total + 1" }],
    ["a non-bool in logic", { given: "paid && true", record: { paid: "yes" }, want: /expected bool, found the string "yes"/, at: "paid && true" }],
    ["a non-list for a macro", { given: "lines.exists(l, true)", record: { lines: 3 }, want: /`exists` needs a list, found number 3/, at: "lines.exists(l, true)" }],
    ["mismatched ordering", { given: "number < 'x'", record: { number: true }, want: /cannot order boolean true and the string "x"/, at: "number < 'x'" }],
  ];
  test.each(cases)("%s", (_, { given, record, want, at }) => {
    const { ast } = check(given, recordScope);
    let error: unknown;
    try {
      evaluate(ast, { variables: { record: record ?? {} } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExpressionError);
    expect((error as Error).message).toMatch(want);
    const span = (error as ExpressionError).span!;
    expect(given.slice(span.start, span.end)).toBe(at!);
  });

  test("an AST with a rule reference that was not inlined", () => {
    const ast = parseExpression("$big").ast!;
    expect(() => evaluate(ast, { variables: {} })).toThrow(ExpressionError);
  });

  test("a variable the context does not provide", () => {
    const { ast } = checkExpression(parseExpression("user.id").ast!, policyScope);
    expect(() => evaluate(ast, { variables: {} })).toThrow("`user` has no value in this context");
  });

  test("the default clock is the system clock", () => {
    const { ast } = check("now()");
    const before = Date.now();
    const value = evaluate(ast, { variables: {} }) as Date;
    expect(value.getTime()).toBeGreaterThanOrEqual(before);
    expect(value.getTime()).toBeLessThanOrEqual(Date.now());
  });
});
