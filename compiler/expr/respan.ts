/**
 * Rewrites the spans of an AST. An inlined shared rule was parsed from its own source; its spans mean
 * nothing in the expression that uses it, so they are all set to the span of the `$name` written there.
 */
import type { Expr, Span } from "../ir/index.ts";

/** A copy of `node` and all its children with `span`. */
export function withSpan(node: Expr, span: Span): Expr {
  const s = (child: Expr) => withSpan(child, span);
  switch (node.kind) {
    case "list":
      return { ...node, items: node.items.map(s), span };
    case "member":
      return { ...node, object: s(node.object), span };
    case "call":
      return node.target
        ? { ...node, target: s(node.target), args: node.args.map(s), span }
        : { ...node, args: node.args.map(s), span };
    case "macro":
      return { ...node, target: s(node.target), body: s(node.body), span };
    case "unary":
      return { ...node, operand: s(node.operand), span };
    case "binary":
      return { ...node, left: s(node.left), right: s(node.right), span };
    case "conditional":
      return { ...node, test: s(node.test), then: s(node.then), else: s(node.else), span };
    default:
      return { ...node, span };
  }
}
