/**
 * "Did you mean" suggestions, shared by the expression checker and the model checker.
 */

/**
 * Edit distance (insertions, deletions, substitutions) between two strings.
 *
 * @example levenshtein("totl", "total") // 1
 */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidate closest to `name`, if it is close enough to be a likely typo: a case-insensitive match, or an
 * edit distance of at most a third of the name's length (at least 1). Ties go to the earlier candidate.
 *
 * @example suggest("custmer", ["customer", "due"]) // "customer"
 */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = candidate.toLowerCase() === name.toLowerCase() ? 0 : levenshtein(name, candidate);
    if (distance <= limit && distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

/**
 * A ready hint "did you mean `x`?" or undefined when nothing is close.
 *
 * @example didYouMean("stauts", ["status"]) // "did you mean `status`?"
 */
export function didYouMean(name: string, candidates: Iterable<string>, format = (c: string) => `\`${c}\``): string | undefined {
  const match = suggest(name, candidates);
  return match === undefined ? undefined : `did you mean ${format(match)}?`;
}
