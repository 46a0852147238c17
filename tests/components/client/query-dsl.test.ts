/** The query DSL builds exactly the JSON POST /api/query takes (tests/runtime/queries runs it). */
import { expect, test } from "bun:test";
import { and, col, compare, from, month, rank, runningSum, sum } from "../../../components/client/query-dsl.ts";

interface Invoice {
  number: string;
  status: "draft" | "sent" | "paid" | "void";
  total: string;
  issued: string;
}
type Records = { Invoice: Invoice };

const cases: [string, { given: () => unknown; want: unknown }][] = [
  ["where with a field proxy, and", {
    given: () => from<Records, "Invoice">("Invoice").where((o) => and(o.status.eq("sent"), o.total.gt(100))).toJSON(),
    want: { from: "Invoice", where: { and: [{ left: { field: "status" }, op: "eq", value: "sent" }, { left: { field: "total" }, op: "gt", value: 100 }] } },
  }],
  ["join, group, aggregates, order by alias, limit", {
    given: () => from<Records, "Invoice">("Invoice").join("customer").groupBy("customer.name").sum("total", "revenue").count().orderBy(col("revenue"), "desc").limit(10).toJSON(),
    want: { from: "Invoice", join: [{ relation: "customer" }], groupBy: [{ field: "customer.name" }], select: [{ agg: "sum", field: "total", as: "revenue" }, { agg: "count" }], orderBy: [{ by: { column: "revenue" }, desc: true }], limit: 10 },
  }],
  ["buckets, having, windows", {
    given: () => from<Records, "Invoice">("Invoice").select([month("issued"), "month"], [sum("total"), "revenue"], [runningSum(sum("total"), { orderBy: [{ by: month("issued") }] }), "running"], [rank({ orderBy: ["-total"] }), "place"]).groupBy(month("issued")).having(compare(sum("total")).gte(50)).toJSON(),
    want: {
      from: "Invoice",
      select: [
        { bucket: "month", field: "issued", as: "month" },
        { agg: "sum", field: "total", as: "revenue" },
        { window: "sum", of: { agg: "sum", field: "total" }, orderBy: [{ by: { bucket: "month", field: "issued" } }], as: "running" },
        { window: "rank", orderBy: [{ by: { field: "total" }, desc: true }], as: "place" },
      ],
      groupBy: [{ bucket: "month", field: "issued" }],
      having: { left: { agg: "sum", field: "total" }, op: "gte", value: 50 },
    },
  }],
  ["dotted paths through path(), isNull, in", {
    given: () => from<Records, "Invoice">("Invoice").where((o) => o.path("customer.name").startsWith("Ac")).where((o) => o.status.in(["sent", "paid"])).where((o) => o.issued.isNull(false)).toJSON(),
    want: { from: "Invoice", where: { and: [{ and: [{ left: { field: "customer.name" }, op: "startsWith", value: "Ac" }, { left: { field: "status" }, op: "in", value: ["sent", "paid"] }] }, { left: { field: "issued" }, op: "isNull", value: false }] } },
  }],
];

test.each(cases)("%s", (_, { given, want }) => {
  expect(JSON.parse(JSON.stringify(given()))).toEqual(want);
});

test("a builder is immutable", () => {
  const base = from<Records, "Invoice">("Invoice");
  base.limit(5);
  expect(base.toJSON()).toEqual({ from: "Invoice" });
});
