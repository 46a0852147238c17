/**
 * The entity-relationship diagram's layout: layers from the references (an entity sits below the
 * entities it refers to), entities side by side in a layer, a line per relation. A pure function,
 * so it is tested without a browser.
 */

export interface LayoutEntity {
  readonly name: string;
  readonly fields: readonly { readonly name: string; readonly relation?: { readonly kind: string; readonly to: readonly string[]; readonly inverse?: string } }[];
}

export interface Box {
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly field: string;
  /** ref and one: solid; many and many-to-many: dashed. */
  readonly kind: string;
}

export interface Layout {
  readonly boxes: readonly Box[];
  readonly edges: readonly Edge[];
  readonly width: number;
  readonly height: number;
}

export const BOX_WIDTH = 200;
const GAP_X = 48;
const GAP_Y = 56;
const HEADER = 32;
const ROW = 20;
/** Fields shown per box; the rest are summed up in one line. */
export const MAX_ROWS = 8;

/**
 * @example layoutDiagram([{ name: "Invoice", fields: [{ name: "customer", relation: { kind: "ref", to: ["Customer"] } }] }, { name: "Customer", fields: [] }])
 *   // Customer in the first layer, Invoice below it, one edge Invoice -> Customer
 */
export function layoutDiagram(entities: readonly LayoutEntity[], perRow = 4): Layout {
  const names = new Set(entities.map((e) => e.name));
  const levels = layers(entities, names);
  const boxes: Box[] = [];
  let y = 0;
  for (const layer of levels) {
    let tallest = 0;
    layer.forEach((entity, i) => {
      const height = HEADER + ROW * Math.min(entity.fields.length, MAX_ROWS + 1) + 8;
      const row = Math.floor(i / perRow);
      if (i % perRow === 0 && row > 0) (y += tallest + GAP_Y), (tallest = 0);
      boxes.push({ name: entity.name, x: (i % perRow) * (BOX_WIDTH + GAP_X), y, width: BOX_WIDTH, height });
      tallest = Math.max(tallest, height);
    });
    y += tallest + GAP_Y;
  }
  const width = Math.max(0, ...boxes.map((b) => b.x + b.width));
  return { boxes, edges: edgesOf(entities, names), width, height: Math.max(0, y - GAP_Y) };
}

/** The layers: entities referring to nothing first, then those referring only to earlier layers. */
function layers(entities: readonly LayoutEntity[], names: ReadonlySet<string>): LayoutEntity[][] {
  const depth = new Map<string, number>();
  const byName = new Map(entities.map((e) => [e.name, e]));
  const visit = (name: string, path: Set<string>): number => {
    const known = depth.get(name);
    if (known !== undefined) return known;
    if (path.has(name)) return 0; // a cycle of references: break it here
    path.add(name);
    const targets = refTargets(byName.get(name)!, names).filter((t) => t !== name);
    const level = targets.length === 0 ? 0 : 1 + Math.max(...targets.map((t) => visit(t, path)));
    path.delete(name);
    depth.set(name, level);
    return level;
  };
  for (const e of entities) visit(e.name, new Set());
  const out: LayoutEntity[][] = [];
  for (const e of [...entities].sort((a, b) => a.name.localeCompare(b.name))) (out[depth.get(e.name)!] ??= []).push(e);
  return out.filter((layer) => layer !== undefined);
}

function refTargets(entity: LayoutEntity, names: ReadonlySet<string>): string[] {
  return entity.fields.flatMap((f) => (f.relation && (f.relation.kind === "ref" || f.relation.kind === "one" || f.relation.kind === "polymorphic") ? f.relation.to.filter((t) => names.has(t)) : []));
}

/** One edge per relation; a `many` that is the other side of a drawn ref is not drawn again. */
function edgesOf(entities: readonly LayoutEntity[], names: ReadonlySet<string>): Edge[] {
  const edges: Edge[] = [];
  for (const e of entities) {
    for (const f of e.fields) {
      const relation = f.relation;
      if (!relation || (relation.kind === "many" && relation.inverse)) continue;
      for (const to of relation.to) if (names.has(to)) edges.push({ from: e.name, to, field: f.name, kind: relation.kind });
    }
  }
  return edges;
}
