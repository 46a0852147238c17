/**
 * "Did you mean" suggestions: the candidate closest to a misspelt name, when it is close enough
 * to be a plausible typo (edit distance at most a third of the length, at least 1; case differences are cheap).
 *
 * @example
 *   closest("Custmer", ["Customer", "Invoice"]); // "Customer"
 *   didYouMean("mony", ["money", "int"]);       // "did you mean `money`?"
 */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  const limit = Math.max(1, Math.floor(name.length / 3));
  for (const candidate of candidates) {
    const score = candidate.toLowerCase() === name.toLowerCase() ? 0.5 : distance(name, candidate);
    if (score <= limit && score < bestScore) [best, bestScore] = [candidate, score];
  }
  return best;
}

/** A hint naming the closest candidate, or listing the choices when there are few and none is close. */
export function didYouMean(name: string, candidates: readonly string[]): string | undefined {
  const match = closest(name, candidates);
  if (match !== undefined) return `did you mean \`${match}\`?`;
  if (candidates.length > 0 && candidates.length <= 12) return `expected one of: ${candidates.map((c) => `\`${c}\``).join(", ")}`;
  return undefined;
}

/** Levenshtein distance, two rows at a time. */
export function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
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
