/**
 * "Did you mean" for mistyped commands, options and values.
 */

/**
 * The choice closest to `given` by edit distance, if it is close enough to be a likely typo.
 *
 * @example
 * closest("chek", ["check", "compile"]); // "check"
 * closest("deploy", ["check", "compile"]); // undefined
 */
export function closest(given: string, choices: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(given.length / 3));
  let best: { choice: string; distance: number } | undefined;
  for (const choice of choices) {
    const distance = editDistance(given.toLowerCase(), choice.toLowerCase());
    if (distance <= limit && (!best || distance < best.distance)) best = { choice, distance };
  }
  return best?.choice;
}

/** A ` (did you mean X?)` suffix, or "" when nothing is close. */
export function didYouMean(given: string, choices: readonly string[], render = (c: string) => c): string {
  const match = closest(given, choices);
  return match === undefined ? "" : ` (did you mean ${render(match)}?)`;
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
