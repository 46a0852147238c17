/**
 * "Did you mean" suggestions, shared by the model checker, the expression checker and the CLI.
 *
 * @example
 *   closest("Custmer", ["Customer", "Invoice"]);   // "Customer"
 *   didYouMean("mony", ["money", "int"]);          // "did you mean `money`?"
 *   suggestion("zzz", ["draft", "sent"]);          // "expected one of: `draft`, `sent`"
 */

/**
 * Edit distance: insertions, deletions, substitutions, and swaps of two adjacent characters
 * ("optimal string alignment"), since swapped letters are a common typo.
 *
 * @example
 *   distance("nmae", "name"); // 1
 */
export function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The candidate closest to `name` when it is a plausible typo: a case-insensitive match, or an
 * edit distance of at most a third of the name's length (at least 1). Ties go to the earlier one.
 */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const score = candidate.toLowerCase() === name.toLowerCase() ? 0 : distance(name, candidate);
    if (score <= limit && score < bestScore) [best, bestScore] = [candidate, score];
  }
  return best;
}

/** "did you mean `x`?", or undefined when nothing is close. */
export function didYouMean(name: string, candidates: Iterable<string>, format = (c: string) => `\`${c}\``): string | undefined {
  const match = closest(name, candidates);
  return match === undefined ? undefined : `did you mean ${format(match)}?`;
}

/** Like didYouMean, but when nothing is close and the choices are few, lists them. */
export function suggestion(name: string, candidates: readonly string[]): string | undefined {
  const hint = didYouMean(name, candidates);
  if (hint !== undefined || candidates.length === 0 || candidates.length > 12) return hint;
  return `expected one of: ${candidates.map((c) => `\`${c}\``).join(", ")}`;
}
