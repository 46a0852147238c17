/**
 * Rebinds `record` in a checked AST: `check(customer, 'read')` inlines Customer's read policy with every
 * `record` replaced by the related record's expression, like a macro. Bare field names were already
 * rewritten to `record.<field>`, so only the `record` identifier needs replacing.
 */
import type { Expr } from "../ir/index.ts";
import { RECORD } from "./scope.ts";

/**
 * A copy of `node` with the free `record` replaced by `by`. A macro variable of `node` that `by` reads
 * (an outer macro's `l` in `lines.all(l, check(l.product, 'read'))`) is renamed, so it cannot capture it.
 *
 * @example
 * // ast: `record.owner == user.id`, by: `record.customer`
 * substituteRecord(ast, by); // `record.customer.owner == user.id`
 */
export function substituteRecord(node: Expr, by: Expr): Expr {
  return substitute(node, new Map([[RECORD, by]]), freeNames(by));
}

function substitute(node: Expr, env: ReadonlyMap<string, Expr>, avoid: ReadonlySet<string>): Expr {
  const s = (child: Expr) => substitute(child, env, avoid);
  switch (node.kind) {
    case "ident":
      return env.get(node.name) ?? node;
    case "list":
      return { ...node, items: node.items.map(s) };
    case "member":
      return { ...node, object: s(node.object) };
    case "call":
      return node.target ? { ...node, target: s(node.target), args: node.args.map(s) } : { ...node, args: node.args.map(s) };
    case "macro": {
      const variable = avoid.has(node.variable) ? fresh(node.variable, avoid) : node.variable;
      const inner = new Map(env);
      if (variable === node.variable) inner.delete(variable);
      else inner.set(node.variable, { kind: "ident", name: variable, span: node.span });
      return { ...node, target: s(node.target), variable, body: substitute(node.body, inner, avoid) };
    }
    case "unary":
      return { ...node, operand: s(node.operand) };
    case "binary":
      return { ...node, left: s(node.left), right: s(node.right) };
    case "conditional":
      return { ...node, test: s(node.test), then: s(node.then), else: s(node.else) };
    default:
      return node;
  }
}

/** The identifiers `node` reads that it does not bind itself. */
function freeNames(node: Expr, bound: ReadonlySet<string> = new Set(), into = new Set<string>()): Set<string> {
  const f = (child: Expr) => void freeNames(child, bound, into);
  switch (node.kind) {
    case "ident":
      if (!bound.has(node.name)) into.add(node.name);
      break;
    case "list":
      node.items.forEach(f);
      break;
    case "member":
      f(node.object);
      break;
    case "call":
      if (node.target) f(node.target);
      node.args.forEach(f);
      break;
    case "macro":
      f(node.target);
      freeNames(node.body, new Set(bound).add(node.variable), into);
      break;
    case "unary":
      f(node.operand);
      break;
    case "binary":
      [node.left, node.right].forEach(f);
      break;
    case "conditional":
      [node.test, node.then, node.else].forEach(f);
      break;
  }
  return into;
}

function fresh(name: string, avoid: ReadonlySet<string>): string {
  let n = 1;
  while (avoid.has(`${name}${n}`)) n++;
  return `${name}${n}`;
}
