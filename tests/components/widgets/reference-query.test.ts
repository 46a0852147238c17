import { expect, test } from "bun:test";
import { listQuery } from "../../../components/client/index.ts";
import { CANDIDATES, mergeCandidates, recordTitle, referenceQueries } from "../../../components/widgets/reference-query.ts";

const customer = { search: true, title: "name" };
const product = { search: false, title: "name" };

test("a searchable target is asked by title (contains, for typing) and by full-text q", () => {
  expect(referenceQueries(customer, " glob ").map(listQuery)).toEqual([
    `filter%5Bname%5D%5Bcontains%5D=glob&sort=name&page%5Bsize%5D=${CANDIDATES}`,
    `page%5Bsize%5D=${CANDIDATES}&q=glob`,
  ]);
});

test("a target without search is asked by title only", () => {
  expect(referenceQueries(product, "lap")).toEqual([{ filter: { name: { contains: "lap" } }, sort: ["name"], size: CANDIDATES }]);
});

test("empty text lists the first records by title", () => {
  expect(referenceQueries(customer, "")).toEqual([{ sort: ["name"], size: CANDIDATES }]);
  expect(referenceQueries({ search: false, title: "id" }, "")).toEqual([{ sort: [], size: CANDIDATES }]);
});

test("mergeCandidates keeps each record once, in order, at most CANDIDATES", () => {
  const r = (id: string) => ({ id, name: id.toUpperCase() });
  expect(mergeCandidates([[r("a"), r("b")], [r("b"), r("c")]]).map((x) => x.id)).toEqual(["a", "b", "c"]);
  const many = Array.from({ length: 15 }, (_, i) => r(`x${i}`));
  expect(mergeCandidates([many, [r("y")]])).toHaveLength(CANDIDATES);
});

test("recordTitle falls back to the id", () => {
  expect(recordTitle({ title: "name" }, { id: "1", name: "Globex" })).toBe("Globex");
  expect(recordTitle({ title: "name" }, { id: "1", name: "" })).toBe("1");
  expect(recordTitle({ title: "number" }, { id: "2" })).toBe("2");
});
