/**
 * A unified diff of two texts (as `diff -u` and git print it), for the Studio to show what an edit
 * changes before and after it is written. Line-based, by the longest common subsequence: spec files
 * are small, so the quadratic table is cheap.
 */

const CONTEXT = 3;

type Line = { readonly op: " " | "-" | "+"; readonly text: string };

/**
 * The diff of `before` to `after` for `path`; empty when they are equal. `before` undefined is a
 * new file, `after` null a deleted one.
 *
 * @example unifiedDiff("a.yaml", "a: 1\n", "a: 2\n") // "--- a/a.yaml\n+++ b/a.yaml\n@@ -1 +1 @@\n-a: 1\n+a: 2\n"
 */
export function unifiedDiff(path: string, before: string | undefined, after: string | null): string {
  if (before === after || (before === undefined && after === null)) return "";
  const lines = diffLines(splitLines(before ?? ""), splitLines(after ?? ""));
  const head = `--- ${before === undefined ? "/dev/null" : `a/${path}`}\n+++ ${after === null ? "/dev/null" : `b/${path}`}\n`;
  return head + hunks(lines).join("");
}

function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

function diffLines(a: readonly string[], b: readonly string[]): Line[] {
  const n = a.length;
  const m = b.length;
  // common[i][j]: length of the longest common subsequence of a[i..] and b[j..]
  const common = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) common[i]![j] = a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
  const out: Line[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) out.push({ op: " ", text: a[i++]! }), j++;
    // Removed lines before added ones, as diff and git print a changed line.
    else if (i < n && (j === m || common[i + 1]![j]! >= common[i]![j + 1]!)) out.push({ op: "-", text: a[i++]! });
    else out.push({ op: "+", text: b[j++]! });
  }
  return out;
}

/** Groups changed lines with up to three lines of context into `@@` hunks. */
function hunks(lines: readonly Line[]): string[] {
  const changed = lines.flatMap((l, i) => (l.op === " " ? [] : [i]));
  const out: string[] = [];
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, changed[k]! - CONTEXT);
    let end = changed[k]!;
    while (k < changed.length && changed[k]! - end <= CONTEXT * 2) end = changed[k++]!;
    const stop = Math.min(lines.length, end + CONTEXT + 1);
    out.push(hunk(lines, start, stop));
  }
  return out;
}

function hunk(lines: readonly Line[], start: number, stop: number): string {
  const before = (to: number) => lines.slice(0, to).filter((l) => l.op !== "+").length;
  const after = (to: number) => lines.slice(0, to).filter((l) => l.op !== "-").length;
  const body = lines.slice(start, stop);
  const oldCount = body.filter((l) => l.op !== "+").length;
  const newCount = body.filter((l) => l.op !== "-").length;
  const range = (from: number, count: number) => (count === 1 ? `${from + 1}` : `${count === 0 ? from : from + 1},${count}`);
  return `@@ -${range(before(start), oldCount)} +${range(after(start), newCount)} @@\n${body.map((l) => `${l.op}${l.text}\n`).join("")}`;
}
