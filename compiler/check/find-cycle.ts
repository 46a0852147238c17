/**
 * Finds the cycles of a directed graph, each reported once, starting from its smallest node,
 * in a stable order.
 *
 * @example
 *   findCycles(new Map([["A", ["B"]], ["B", ["A"]], ["C", []]])); // [["A", "B"]]
 */
export function findCycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    if (done.has(node)) return;
    const at = stack.indexOf(node);
    if (at >= 0) return void addCycle(cycles, seen, stack.slice(at));
    stack.push(node);
    for (const next of [...(edges.get(node) ?? [])].sort()) visit(next);
    stack.pop();
    done.add(node);
  };
  for (const node of [...edges.keys()].sort()) visit(node);
  return cycles;
}

function addCycle(cycles: string[][], seen: Set<string>, cycle: string[]): void {
  const start = cycle.indexOf([...cycle].sort()[0]!);
  const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
  const key = rotated.join("\u0000");
  if (!seen.has(key)) cycles.push(rotated), seen.add(key);
}
