import { expect, test } from "bun:test";
import { findCycles } from "../../../compiler/check/find-cycle.ts";

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

test.each([
  ["no cycle", { given: { A: ["B"], B: ["C"], C: [] }, want: [] }],
  ["self loop", { given: { A: ["A"] }, want: [["A"]] }],
  ["two nodes, reported once from the smallest", { given: { B: ["A"], A: ["B"] }, want: [["A", "B"]] }],
  ["two separate cycles", { given: { A: ["B"], B: ["A"], C: ["D"], D: ["C"] }, want: [["A", "B"], ["C", "D"]] }],
  ["cycle behind a path", { given: { X: ["A"], A: ["B"], B: ["C"], C: ["A"] }, want: [["A", "B", "C"]] }],
] as const)("%s", (_, { given, want }) => {
  expect(findCycles(graph(given as unknown as Record<string, string[]>))).toEqual(want as unknown as string[][]);
});
