import { describe, expect, test } from "bun:test";
import { parseExpression } from "../../../compiler/expr/index.ts";
import type { Expr } from "../../../compiler/ir/index.ts";
import { parse, sexpr, slice } from "./helpers.ts";

describe("parseExpression: precedence and associativity", () => {
  const cases: [string, { given: string; want: string }][] = [
    ["* binds tighter than +", { given: "a + b * c", want: "(+ a (* b c))" }],
    ["/ and % bind like *", { given: "a - b / c % d", want: "(- a (% (/ b c) d))" }],
    ["+ and - are left-associative", { given: "a - b + c", want: "(+ (- a b) c)" }],
    ["comparison below arithmetic", { given: "a + 1 < b * 2", want: "(< (+ a 1) (* b 2))" }],
    ["equality below comparison", { given: "a < b == c >= d", want: "(== (< a b) (>= c d))" }],
    ["in at equality level", { given: "x + 1 in xs", want: "(in (+ x 1) xs)" }],
    ["in and == left to right", { given: "a in b == c", want: "(== (in a b) c)" }],
    ["&& below equality", { given: "a == b && c != d", want: "(&& (== a b) (!= c d))" }],
    ["|| below &&", { given: "a || b && c", want: "(|| a (&& b c))" }],
    ["ternary lowest", { given: "a || b ? c : d", want: "(? (|| a b) c d)" }],
    ["ternary right-associative", { given: "a ? b : c ? d : e", want: "(? a b (? c d e))" }],
    ["nested ternary in then", { given: "a ? b ? c : d : e", want: "(? a (? b c d) e)" }],
    ["unary binds tighter than binary", { given: "-a * b", want: "(* (- a) b)" }],
    ["unary repeats", { given: "!!a && - -b > 0", want: "(&& (! (! a)) (> (- (- b)) 0))" }],
    ["postfix binds tighter than unary", { given: "!a.b.c", want: "(! (. (. a b) c))" }],
    ["parentheses override", { given: "(a + b) * c", want: "(* (+ a b) c)" }],
    ["member on parenthesised", { given: "(a || b).c", want: "(. (|| a b) c)" }],
  ];
  test.each(cases)("%s", (_, { given, want }) => expect(sexpr(parse(given))).toBe(want));
});

describe("parseExpression: node kinds", () => {
  const cases: [string, { given: string; want: string }][] = [
    ["int", { given: "42", want: "42" }],
    ["largest int", { given: "9007199254740991", want: "9007199254740991" }],
    ["decimal with 15 digits", { given: "0.000123456789012345", want: "0.000123456789012345d" }],
    ["decimal with fraction", { given: "2.50", want: "2.5d" }],
    ["zero decimal", { given: "0.0", want: "0d" }],
    ["single-quoted string", { given: "'it\\'s'", want: '"it\'s"' }],
    ["double-quoted string", { given: '"say \\"hi\\""', want: '"say \\"hi\\""' }],
    ["escapes", { given: "'a\\nb\\tc\\\\d\\u00e9'", want: JSON.stringify("a\nb\tc\\dé") }],
    ["other quote inside", { given: `"it's"`, want: JSON.stringify("it's") }],
    ["true", { given: "true", want: "true" }],
    ["false", { given: "false", want: "false" }],
    ["null", { given: "null", want: "null" }],
    ["list", { given: "[1, 'a', x]", want: '[1 "a" x]' }],
    ["empty list", { given: "[]", want: "[]" }],
    ["trailing comma", { given: "[1, 2,]", want: "[1 2]" }],
    ["ident", { given: "total", want: "total" }],
    ["underscore ident", { given: "_a1", want: "_a1" }],
    ["rule ref", { given: "$isBilling", want: "$isBilling" }],
    ["member chain", { given: "record.customer.name", want: "(. (. record customer) name)" }],
    ["keyword as member name", { given: "x.in", want: "(. x in)" }],
    ["call", { given: "round(total, 2)", want: "(call round total 2)" }],
    ["call without args", { given: "now()", want: "(call now)" }],
    ["method call", { given: "name.startsWith('A')", want: '(method startsWith name "A")' }],
    ["method on call", { given: "lower(s).contains('x')", want: '(method contains (call lower s) "x")' }],
    ["exists macro", { given: "lines.exists(l, l.qty > 1)", want: "(exists l lines (> (. l qty) 1))" }],
    ["all macro", { given: "lines.all(l, l.qty > 1)", want: "(all l lines (> (. l qty) 1))" }],
    ["filter macro", { given: "lines.filter(l, l.qty > 1)", want: "(filter l lines (> (. l qty) 1))" }],
    ["map macro", { given: "lines.map(l, l.total)", want: "(map l lines (. l total))" }],
    ["macro chain", { given: "a.filter(x, x).map(y, y.b)", want: "(map y (filter x a x) (. y b))" }],
    ["unary not", { given: "!paid", want: "(! paid)" }],
    ["unary minus", { given: "-1", want: "(- 1)" }],
    ["conditional", { given: "a ? 1 : 2", want: "(? a 1 2)" }],
    ["whitespace and newlines", { given: " a\n  &&\tb ", want: "(&& a b)" }],
  ];
  test.each(cases)("%s", (_, { given, want }) => expect(sexpr(parse(given))).toBe(want));

  test("a macro node carries the variable name and its parts", () => {
    const ast = parse("lines.exists(l, l.qty > 1)");
    expect(ast).toMatchObject({ kind: "macro", macro: "exists", variable: "l", target: { kind: "ident", name: "lines" } });
  });

  test("decimal is set only on literals written with a fraction", () => {
    expect(parse("2")).toEqual({ kind: "literal", value: 2, span: { start: 0, end: 1 } });
    expect(parse("2.0")).toEqual({ kind: "literal", value: 2, decimal: true, span: { start: 0, end: 3 } });
  });
});

describe("parseExpression: spans", () => {
  /** Every node's source text, outermost first. */
  function spans(source: string): string[] {
    const out: string[] = [];
    const walk = (node: Expr): void => {
      out.push(slice(source, node.span));
      for (const child of children(node)) walk(child);
    };
    walk(parse(source));
    return out;
  }

  const cases: [string, { given: string; want: string[] }][] = [
    ["binary", { given: "a + bc", want: ["a + bc", "a", "bc"] }],
    ["parenthesised operand keeps its parens in the parent", { given: "(a) * b", want: ["(a) * b", "a", "b"] }],
    ["member", { given: "rec.cust.name", want: ["rec.cust.name", "rec.cust", "rec"] }],
    ["call", { given: "size( xs )", want: ["size( xs )", "xs"] }],
    ["method", { given: "s.contains('x')", want: ["s.contains('x')", "s", "'x'"] }],
    ["macro", { given: "ls.all(l, l)", want: ["ls.all(l, l)", "ls", "l"] }],
    ["unary", { given: "- x", want: ["- x", "x"] }],
    ["conditional", { given: "c ? 1 : 2.5", want: ["c ? 1 : 2.5", "c", "1", "2.5"] }],
    ["list", { given: "[1, 'a']", want: ["[1, 'a']", "1", "'a'"] }],
    ["rule ref", { given: "$r || x", want: ["$r || x", "$r", "x"] }],
  ];
  test.each(cases)("%s", (_, { given, want }) => expect(spans(given)).toEqual(want));
});

function children(node: Expr): Expr[] {
  switch (node.kind) {
    case "list":
      return node.items;
    case "member":
      return [node.object];
    case "call":
      return [...(node.target ? [node.target] : []), ...node.args];
    case "macro":
      return [node.target, node.body];
    case "unary":
      return [node.operand];
    case "binary":
      return [node.left, node.right];
    case "conditional":
      return [node.test, node.then, node.else];
    default:
      return [];
  }
}

describe("parseExpression: syntax errors (WV400)", () => {
  type Want = { at: string; message: string; hint?: string }[];
  const cases: [string, { given: string; want: Want }][] = [
    ["empty", { given: "  ", want: [{ at: "", message: "the expression is empty" }] }],
    ["unclosed paren", { given: "(a + b", want: [{ at: "", message: "expected `)` to close `(` at column 1 of the expression, found the end of the expression" }] }],
    ["unclosed paren, other token", { given: "f((a b)", want: [{ at: "b", message: "expected `)` to close `(` at column 3 of the expression, found `b`" }] }],
    ["unclosed call", { given: "size(a b)", want: [{ at: "b", message: "expected `)` to close `(` at column 5 of the expression, found `b`", hint: "separate items with `,`" }] }],
    ["unclosed list", { given: "[1, 2", want: [{ at: "", message: "expected `]` to close `[` at column 1 of the expression, found the end of the expression", hint: "separate items with `,`" }] }],
    ["column on a later line", { given: "a &&\n  (b", want: [{ at: "", message: "expected `)` to close `(` at line 2, column 3 of the expression, found the end of the expression" }] }],
    ["missing operand", { given: "a + ", want: [{ at: "", message: "expected an expression after `+`, found the end of the expression" }] }],
    ["operator without left operand", { given: "* a", want: [{ at: "*", message: "expected an expression, found `*`" }] }],
    ["missing argument", { given: "f(a, , b)", want: [{ at: ",", message: "expected an expression after `,`, found `,`" }] }],
    ["ternary without colon", { given: "a ? b", want: [{ at: "", message: "expected `:` for the `?` at column 3 of the expression, found the end of the expression" }] }],
    ["trailing tokens", { given: "a b", want: [{ at: "b", message: "unexpected `b` after the end of the expression", hint: "is an operator missing?" }] }],
    ["unterminated single-quoted string", { given: "x == 'abc", want: [{ at: "'abc", message: "unterminated string", hint: "close it with `'`" }] }],
    ["unterminated double-quoted string", { given: 'x == "abc', want: [{ at: '"abc', message: "unterminated string", hint: 'close it with `"`' }] }],
    ["string cut by a newline", { given: "'ab\ncd'", want: [{ at: "'ab", message: "unterminated string", hint: "close it with `'`" }, { at: "'", message: "unterminated string", hint: "close it with `'`" }] }],
    ["unknown escape", { given: "'a\\qb'", want: [{ at: "\\q", message: "unknown escape `\\q` in string", hint: "known escapes: \\n \\t \\r \\\\ \\' \\\" \\0 \\uXXXX" }] }],
    ["bad unicode escape", { given: "'\\u12'", want: [{ at: "\\u", message: "`\\u` must be followed by four hex digits", hint: "e.g. \\u00e9 for é" }] }],
    ["single =", { given: "a = 1", want: [{ at: "=", message: "unexpected character `=`", hint: "use `==`" }] }],
    ["single &", { given: "a & b", want: [{ at: "&", message: "unexpected character `&`", hint: "use `&&`" }] }],
    ["single |", { given: "a | b", want: [{ at: "|", message: "unexpected character `|`", hint: "use `||`" }] }],
    ["unknown character", { given: "a # b", want: [{ at: "#", message: "unexpected character `#`" }] }],
    ["bare $", { given: "$ && a", want: [{ at: "$", message: "expected a rule name after `$`", hint: "shared rules are written `$name`" }] }],
    ["number glued to a name", { given: "2x", want: [{ at: "2x", message: "invalid number `2x`", hint: "names cannot start with a digit" }] }],
    ["too many digits", { given: "1234567890.1234567", want: [{ at: "1234567890.1234567", message: "number `1234567890.1234567` has more than 15 significant digits" }] }],
    ["int too large", { given: "9007199254740992", want: [{ at: "9007199254740992", message: "number `9007199254740992` is too large (at most 9007199254740991)" }] }],
    ["missing member name", { given: "a.", want: [{ at: "", message: "expected a member name after `.`, found the end of the expression" }] }],
    ["number as member name", { given: "a.1", want: [{ at: "1", message: "expected a member name after `.`, found `1`" }] }],
    ["indexing", { given: "a[0]", want: [{ at: "[", message: "indexing with `[...]` is not supported", hint: "use a macro such as `list.exists(x, ...)` or a function such as `min(list)`" }] }],
    ["calling a non-function", { given: "(f)(x)", want: [{ at: "(", message: "only functions and methods can be called", hint: "call a function by name, like `size(lines)`" }] }],
    ["macro with one argument", { given: "ls.exists(l)", want: [{ at: "ls.exists(l)", message: "`exists` takes a variable name and an expression, found 1 argument", hint: "like `lines.exists(l, l.total > 0)`" }] }],
    ["macro with three arguments", { given: "ls.map(l, l, l)", want: [{ at: "ls.map(l, l, l)", message: "`map` takes a variable name and an expression, found 3 arguments", hint: "like `lines.map(l, l.total > 0)`" }] }],
    ["macro variable not a name", { given: "ls.all(l.x, true)", want: [{ at: "l.x", message: "the first argument of `all` must be a variable name", hint: "like `lines.all(l, l.total > 0)`" }] }],
    ["keyword where an operand is due", { given: "a && in", want: [{ at: "in", message: "expected an expression after `&&`, found `in`" }] }],
  ];
  test.each(cases)("%s", (_, { given, want }) => {
    const { ast, diagnostics } = parseExpression(given);
    expect(ast).toBeUndefined();
    const got = diagnostics.map((d) => ({ code: d.code, severity: d.severity, at: slice(given, d), message: d.message, ...(d.hint && { hint: d.hint }) }));
    expect(got).toEqual(want.map((w) => ({ code: "WV400", severity: "error", ...w })));
  });

  test("an error span at the end of the input is empty and sits at the end", () => {
    const [d] = parseExpression("(a").diagnostics;
    expect(d).toMatchObject({ start: 2, end: 2 });
  });
});

describe("parseExpression: recovery", () => {
  const cases: [string, { given: string; want: string[] }][] = [
    ["each bad argument reported", { given: "f(a b, c d)", want: ["b", "d"] }],
    ["bad item then good items", { given: "[1 +, 2, * 3]", want: [",", "*"] }],
    ["nested group recovers to its own paren", { given: "f(a, (b c), d e)", want: ["c", "e"] }],
    ["lexing errors do not cascade", { given: "a = 1 && b # c", want: ["=", "#"] }],
    ["a lexing error is not reported twice by the parser", { given: "f('abc)", want: ["'abc)"] }],
    ["lexing and parsing errors sorted by position", { given: "f(a b, 'x\\q')", want: ["b", "\\q"] }],
  ];
  test.each(cases)("%s", (_, { given, want }) => {
    expect(parseExpression(given).diagnostics.map((d) => slice(given, d))).toEqual(want);
  });

  test("never throws on arbitrary input", () => {
    const alphabet = ["a", "1", "2.5", "'s'", "(", ")", "[", "]", ",", ".", "?", ":", "+", "&&", "!", "$r", "in", "=", "#", '"'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const source = Array.from({ length: next() % 12 }, () => alphabet[next() % alphabet.length]).join(" ");
      const { ast, diagnostics } = parseExpression(source);
      expect(ast === undefined).toBe(diagnostics.length > 0);
      for (const d of diagnostics) expect(d.start <= d.end && d.end <= source.length).toBe(true);
    }
  });
});
