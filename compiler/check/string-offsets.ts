import type { SourceFile } from "../load/source-file.ts";

/**
 * Maps an offset inside a YAML string's value to an offset in the file, so that an expression
 * error points at the right column even in quoted or block scalars. It walks the raw source and
 * the decoded value side by side; escapes and folded line breaks are skipped over.
 *
 * @example
 *   // file text: `guard: "size(lines) > 0"` with the scalar starting at offset 7
 *   valueOffsetToFile(file, { start: 7, end: 24, type: "QUOTE_DOUBLE" }, "size(lines) > 0", 5); // 13
 */
export function valueOffsetToFile(
  file: SourceFile,
  scalar: { start: number; end: number; type: string },
  value: string,
  offset: number,
): number {
  const raw = file.text.slice(scalar.start, scalar.end);
  let r = contentStart(raw, scalar.type);
  for (let v = 0; v < offset && v < value.length; v++) {
    r = skipToChar(raw, r, value[v]) + 1;
  }
  r = skipToChar(raw, r, value[offset]);
  return scalar.start + Math.min(r, raw.length);
}

/** Where the value's text starts in the raw scalar: past the quote or the block header line. */
function contentStart(raw: string, type: string): number {
  if (type === "QUOTE_DOUBLE" || type === "QUOTE_SINGLE") return 1;
  if (type === "BLOCK_LITERAL" || type === "BLOCK_FOLDED") {
    const newline = raw.indexOf("\n");
    return newline < 0 ? raw.length : skipIndent(raw, newline + 1);
  }
  return 0;
}

/** Finds the next raw position holding `char`, looking a few characters ahead for escapes and folding. */
function skipToChar(raw: string, from: number, char: string | undefined): number {
  if (char === undefined) return from;
  for (let i = from; i < Math.min(raw.length, from + 8); i++) {
    if (raw[i] === char) return i;
    if (raw[i] === "\n" && char === " ") return i;
    if (raw[i] === "\n") return skipToChar(raw, skipIndent(raw, i + 1), char);
  }
  return from;
}

function skipIndent(raw: string, from: number): number {
  let i = from;
  while (raw[i] === " " || raw[i] === "\t") i++;
  return i;
}
