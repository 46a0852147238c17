import { describe, expect, test } from "bun:test";
import { listQuery } from "../../../components/client/index.ts";
import { filterControl, fixedFilters, includesFor, listParams, listSettings, mergeFilters, nextSort, sortKey } from "../../../components/views/list-query.ts";
import { entityOf, invoicingMeta } from "./invoicing-meta.ts";

const meta = invoicingMeta();
const invoice = entityOf(meta, "Invoice");
const customer = entityOf(meta, "Customer");
const byName = (name: string) => meta.entities.find((e) => e.name === name);
const none = { filters: {}, sort: undefined, q: "", after: undefined };

describe("listSettings", () => {
  test("the list view from _meta", () => {
    expect(listSettings(invoice)).toEqual({ columns: ["number", "customer", "issued", "due", "total", "status"], filters: ["status", "customer", "due"], sort: [], pageSize: 25, search: true });
  });

  test("attributes override columns, page size and sort; unknown columns are dropped", () => {
    const settings = listSettings(invoice, { columns: "number, total colour", pageSize: 5, sort: "-due" });
    expect(settings.columns).toEqual(["number", "total"]);
    expect(settings.pageSize).toBe(5);
    expect(settings.sort).toEqual(["-due"]);
  });

  test("a hidden field named in columns stays hidden", () => {
    const viewer = entityOf(invoicingMeta(["viewer"]), "Customer");
    expect(listSettings(viewer, { columns: "code,email" }).columns).toEqual(["code"]);
  });
});

describe("fixedFilters", () => {
  test("JSON, short and long forms", () => {
    expect(fixedFilters(invoice, '{"status":"sent","due":{"gte":"2026-01-01","bogus":1}}', [])).toEqual({ status: { eq: "sent" }, due: { gte: "2026-01-01" } });
  });

  test("filter-<path> attributes, any case, with an optional operator", () => {
    const attrs: [string, string][] = [["filter-customer", "c1"], ["filter-due", "lte:2026-12-31"], ["filter-taxrate", "gt:0"], ["class", "x"]];
    expect(fixedFilters(invoice, undefined, attrs)).toEqual({ customer: { eq: "c1" }, due: { lte: "2026-12-31" }, taxRate: { gt: "0" } });
  });

  test("a value with a colon that is no operator stays whole", () => {
    expect(fixedFilters(invoice, undefined, [["filter-number", "INV:1"]])).toEqual({ number: { eq: "INV:1" } });
  });

  test("malformed JSON filters nothing", () => {
    expect(fixedFilters(invoice, "{nope", [])).toEqual({});
  });
});

describe("listParams", () => {
  test("the request: fixed and chosen filters, sort, size, include, count", () => {
    const settings = listSettings(invoice, { pageSize: 2 });
    const params = listParams(settings, { customer: { eq: "c1" } }, { filters: { status: { eq: "sent" }, due: { gte: "" } }, sort: "-due", q: " globex ", after: "abc" }, ["customer"]);
    expect(listQuery(params)).toBe(
      "filter%5Bstatus%5D%5Beq%5D=sent&filter%5Bcustomer%5D%5Beq%5D=c1&sort=-due&page%5Bsize%5D=2&page%5Bafter%5D=abc&include=customer&q=globex&count=true",
    );
  });

  test("without choices, the server's defaults", () => {
    expect(listQuery(listParams(listSettings(invoice), {}, none, []))).toBe("page%5Bsize%5D=25&count=true");
  });

  test("fixed filters win over chosen ones", () => {
    expect(mergeFilters({ status: { eq: "paid" } }, { status: { eq: "sent", ne: "void" } })).toEqual({ status: { eq: "paid", ne: "void" } });
  });
});

describe("columns", () => {
  test("includes: every relation a column goes through", () => {
    expect(includesFor(invoice, ["number", "customer", "customer.name", "total"])).toEqual(["customer"]);
  });

  test("sort keys: refs by their target's title, nothing for embedded objects and relations", () => {
    expect(sortKey(invoice, "customer", byName)).toBe("customer.name");
    expect(sortKey(invoice, "total", byName)).toBe("total");
    expect(sortKey(customer, "address", byName)).toBeUndefined();
    expect(sortKey(customer, "address.city", byName)).toBe("address.city");
    expect(sortKey(invoice, "lines", byName)).toBeUndefined();
    expect(sortKey(invoice, "createdAt", byName)).toBe("createdAt");
  });

  test("a header cycles ascending, descending, the view's order", () => {
    expect(nextSort(undefined, "due")).toBe("due");
    expect(nextSort("due", "due")).toBe("-due");
    expect(nextSort("-due", "due")).toBeUndefined();
    expect(nextSort("-issued", "due")).toBe("due");
  });
});

describe("filterControl", () => {
  const kinds = (paths: string[], entity = invoice) => paths.map((p) => filterControl(entity, p, byName)?.kind);
  test("by type", () => {
    expect(kinds(["status", "customer", "due", "total", "number", "lines"])).toEqual(["select", "ref", "range", "range", "text", undefined]);
    expect(kinds(["address.country", "address"], customer)).toEqual(["text", undefined]);
  });

  test("a state select offers the machine's states", () => {
    const control = filterControl(invoice, "status", byName);
    expect(control?.kind === "select" && control.options).toEqual(["draft", "sent", "paid", "void"]);
  });
});
