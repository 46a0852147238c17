/**
 * How the reference picker asks the target entity's list for candidates. The title field is
 * matched with `contains` (case-insensitive, so "glob" finds "Globex" while typing); a searchable
 * target is also asked with full-text `q`, which matches whole words in its other search fields
 * (a customer's code or VAT ID) but not prefixes (spec/api.md#query-parameters).
 */
import type { ListParams, MetaEntity, WeaveRecord } from "../client/index.ts";

/** How many candidates the picker shows at once. */
export const CANDIDATES = 10;

/**
 * The list requests for candidates matching `text`: one, or two for a searchable target.
 *
 * @example referenceQueries(customer, "glo") // [{ filter: { name: { contains: "glo" } }, sort: ["name"], size: 10 }, { q: "glo", size: 10 }]
 * @example referenceQueries(product, "") // [{ sort: ["name"], size: 10 }]
 */
export function referenceQueries(target: Pick<MetaEntity, "search" | "title">, text: string): ListParams[] {
  const wanted = text.trim();
  const sort = target.title === "id" ? [] : [target.title];
  if (wanted === "") return [{ sort, size: CANDIDATES }];
  const byTitle: ListParams = target.title === "id" ? { filter: { id: { eq: wanted } }, size: CANDIDATES } : { filter: { [target.title]: { contains: wanted } }, sort, size: CANDIDATES };
  return target.search ? [byTitle, { q: wanted.slice(0, 200), size: CANDIDATES }] : [byTitle];
}

/** The candidates of several answers, each record once, in the order they came, at most `CANDIDATES`. */
export function mergeCandidates(pages: readonly (readonly WeaveRecord[])[]): WeaveRecord[] {
  const seen = new Set<string>();
  const out: WeaveRecord[] = [];
  for (const record of pages.flat()) {
    const id = String(record.id);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(record);
  }
  return out.slice(0, CANDIDATES);
}

/** The text that names a record in the picker: its title field, else its id. */
export function recordTitle(target: Pick<MetaEntity, "title">, record: WeaveRecord): string {
  const title = record[target.title];
  return title === undefined || title === null || title === "" ? String(record.id ?? "") : String(title);
}
