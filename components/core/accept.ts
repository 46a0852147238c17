/**
 * Whether a MIME type is one a `file` field's `accept` list allows (`image/*` matches
 * `image/png`). One rule for both sides: the server checks uploads with it (runtime/files) and the file widget
 * gives an early message with it.
 *
 * @example accepts(["image/*", "application/pdf"], "image/png") // true
 */
export function accepts(accept: readonly string[] | undefined, type: string): boolean {
  if (!accept || accept.length === 0) return true;
  const wanted = type.toLowerCase().split(";")[0]!.trim();
  return accept.some((pattern) => {
    const p = pattern.toLowerCase().trim();
    if (p === "*/*" || p === "*") return true;
    if (p.endsWith("/*")) return wanted.startsWith(p.slice(0, -1));
    return wanted === p;
  });
}
