/**
 * bench/migrate: how long the migration planner takes on a large model.
 *
 * Generates a spec of N entities (fields of every common type, refs to earlier entities, a
 * state machine, computed fields, indexes), compiles it, and times:
 *   - plan from empty (the first migration) for 200 entities,
 *   - plan of a one-field change on it,
 * against a baseline of the same plans for 10 entities in the same process. Goal: each plan
 * under 1 s at 200 entities. It prints figures; it asserts nothing.
 *
 *   bun bench/migrate.ts [entities=200]
 */
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileApp } from "../compiler/index.ts";
import { planMigration } from "../compiler/generators/sql/index.ts";
import type { IR } from "../compiler/ir/index.ts";

const GOAL_MS = 1000;
const size = Number(process.argv[2] ?? 200);

function entityYaml(i: number, extra = ""): string {
  const ref = i > 0 ? `  parent: { type: ref, to: Thing${i - 1} }\n` : "";
  const children = `  items: { type: many, to: Item${i}, inverse: owner }\n`;
  return `entity: Thing${i}
tenant: true
key: code
fields:
  code: { type: slug, required: true }
  name: { type: string, required: true, maxLength: 200 }
  notes: { type: text }
  amount: { type: money, currency: EUR, min: 0 }
  quantity: { type: int, min: 0 }
  due: { type: date }
  kind: { type: enum, values: [a, b, c] }
  status: { type: state, machine: lifecycle }
  total: { type: money, currency: EUR, computed: "sum(items.price)", materialized: true }
  double: { type: money, currency: EUR, computed: "amount * 2", materialized: true }
${ref}${children}${extra}states:
  lifecycle:
    initial: open
    transitions:
      close: { from: open, to: closed, guard: "quantity > 0" }
indexes:
  - { fields: [status, due] }
  - { fields: [due], where: "status == 'open'" }
search: [name, notes]
policies:
  read: "tenant.member"
`;
}

function itemYaml(i: number): string {
  return `entity: Item${i}
tenant: true
fields:
  owner: { type: ref, to: Thing${i}, required: true, onDelete: cascade }
  price: { type: money, currency: EUR, required: true }
policies:
  read: "tenant.member"
`;
}

async function compileGenerated(dir: string, entities: number, change: boolean): Promise<IR> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, "domain"), { recursive: true });
  await writeFile(join(dir, "weave.yaml"), "weave: 0\napp: bench\ntenancy: { enabled: true }\n");
  for (let i = 0; i < entities; i++) {
    const extra = change && i === entities - 1 ? "  barcode: { type: string }\n" : "";
    await writeFile(join(dir, `domain/thing${i}.entity.yaml`), `# yaml-language-server: $schema=x\n${entityYaml(i, extra)}`);
    await writeFile(join(dir, `domain/item${i}.entity.yaml`), `# yaml-language-server: $schema=x\n${itemYaml(i)}`);
  }
  const { ir, diagnostics } = await compileApp(dir);
  if (!ir) throw new Error(`generated spec does not compile: ${JSON.stringify(diagnostics.slice(0, 3))}`);
  return ir;
}

/** Median of several runs, in milliseconds. */
function time(run: () => unknown, times = 5): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

async function measure(entities: number): Promise<{ fromEmpty: number; oneField: number; steps: number }> {
  const dir = await mkdtemp(join(tmpdir(), "weave-bench-"));
  try {
    const base = await compileGenerated(dir, entities, false);
    const changed = await compileGenerated(dir, entities, true);
    const steps = planMigration(undefined, base).steps.length;
    return { fromEmpty: time(() => planMigration(undefined, base)), oneField: time(() => planMigration(base, changed)), steps };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const baseline = await measure(10);
const large = await measure(size);
const row = (label: string, ms: number, base: number) =>
  `${label.padEnd(34)} ${ms.toFixed(1).padStart(8)} ms   x${(ms / base).toFixed(1).padStart(5)} vs 10 entities   ${ms < GOAL_MS ? "within" : "OVER"} the ${GOAL_MS} ms goal`;
console.log(`bench/migrate: ${size * 2} tables (${size} entities with a child each), ${large.steps} steps from empty`);
console.log(row("plan from empty", large.fromEmpty, baseline.fromEmpty));
console.log(row("plan a one-field change", large.oneField, baseline.oneField));
