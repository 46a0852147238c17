import { describe, expect, test } from "bun:test";
import { formatPath, formatValue, pathLabel, plainText, resolvePath, textOf, type Formatted } from "../../../components/views/format-value.ts";
import type { MetaField, WeaveRecord } from "../../../components/client/index.ts";
import { entityOf, formatContext, invoicingMeta } from "./invoicing-meta.ts";

const meta = invoicingMeta();
const invoice = entityOf(meta, "Invoice");
const payment = entityOf(meta, "Payment");
const customer = entityOf(meta, "Customer");
const product = entityOf(meta, "Product");
const en = formatContext(meta, "en");
const de = formatContext(meta, "de");
const inApp = formatContext(meta, "en", "/app");

const CUSTOMER_ID = "9f0e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f";
const record: WeaveRecord = {
  id: "0b7c5a36-5f4e-4a8e-9a52-2f1d3c4b5a69",
  number: "INV-2026-0001",
  customer: CUSTOMER_ID,
  status: "sent",
  issued: "2026-01-31",
  due: null,
  taxRate: "19.00",
  total: "1462.51",
  sentAt: "2026-01-31T09:30:00.123Z",
  _included: { customer: { id: CUSTOMER_ID, code: "globex", name: "Globex GmbH", address: { city: "Berlin", country: "DE" } } },
};

const field = (name: string, entity = invoice): MetaField => entity.fields.find((f) => f.name === name)!;

describe("formatValue by type", () => {
  const cases: [string, { ctx: typeof en; path: string; want: Formatted }][] = [
    ["a string as it is", { ctx: en, path: "number", want: { kind: "text", text: "INV-2026-0001" } }],
    ["money with its fixed currency", { ctx: en, path: "total", want: { kind: "text", text: "€1,462.51", numeric: true } }],
    ["money in German", { ctx: de, path: "total", want: { kind: "text", text: "1.462,51\u00a0€", numeric: true } }],
    ["a decimal with its scale", { ctx: en, path: "taxRate", want: { kind: "text", text: "19.00", numeric: true } }],
    ["a date, read as a calendar day", { ctx: en, path: "issued", want: { kind: "text", text: "Jan 31, 2026" } }],
    ["a date in German", { ctx: de, path: "issued", want: { kind: "text", text: "31.01.2026" } }],
    ["null as the none mark", { ctx: en, path: "due", want: { kind: "empty", text: "—" } }],
    ["a state as a badge with its label", { ctx: en, path: "status", want: { kind: "badge", text: "Sent", value: "sent" } }],
    ["a ref as the included record's title", { ctx: en, path: "customer", want: { kind: "ref", text: "Globex GmbH", entity: "Customer", id: CUSTOMER_ID } }],
    ["a ref linked inside the app", { ctx: inApp, path: "customer", want: { kind: "ref", text: "Globex GmbH", entity: "Customer", id: CUSTOMER_ID, href: `/app/customers/${CUSTOMER_ID}` } }],
    ["a path through a ref", { ctx: en, path: "customer.name", want: { kind: "text", text: "Globex GmbH" } }],
    ["an unknown path as empty", { ctx: en, path: "colour", want: { kind: "empty", text: "—" } }],
  ];
  for (const [name, { ctx, path, want }] of cases) test(name, () => expect(formatPath(ctx, invoice, path, record)).toEqual(want));

  test("a datetime in the locale's medium style", () => {
    const text = textOf(formatPath(en, invoice, "sentAt", record));
    expect(text).toContain("2026");
    expect(text).not.toContain("T09");
  });

  test("a ref without an included record shows the id", () => {
    expect(formatValue(en, invoice, field("customer"), CUSTOMER_ID, {})).toEqual({ kind: "ref", text: CUSTOMER_ID, entity: "Customer", id: CUSTOMER_ID });
  });

  test("an enum value by its label, translated when the app translates it", () => {
    expect(formatValue(en, payment, field("method", payment), "bank")).toEqual({ kind: "text", text: "Bank transfer" });
    expect(textOf(formatValue(de, payment, field("method", payment), "bank"))).not.toBe("bank");
  });

  test("booleans read yes and no in the locale", () => {
    expect(formatValue(en, product, field("active", product), true)).toEqual({ kind: "text", text: "Yes" });
    expect(formatValue(de, product, field("active", product), false)).toEqual({ kind: "text", text: "Nein" });
  });

  test("an embedded object as its non-empty parts", () => {
    const address = { street: "Friedrichstraße 68", city: "Berlin", postalCode: null, country: "DE" };
    expect(formatValue(en, customer, field("address", customer), address)).toEqual({ kind: "text", text: "Friedrichstraße 68, Berlin, DE" });
  });

  test("money without a fixed currency takes the record's <field>Currency", () => {
    const loose: MetaField = { name: "fee", label: "Fee", type: "money", required: false, readonly: false };
    expect(textOf(formatValue(en, invoice, loose, "12.50", { feeCurrency: "USD" }))).toBe("$12.50");
  });

  test("many relations list their included records", () => {
    const lines: MetaField = field("lines");
    const withLines = { _included: { lines: [{ id: "l1", description: "Review" }, { id: "l2", description: "Hosting" }] } };
    const out = formatValue(en, invoice, lines, undefined, withLines);
    expect(out.kind).toBe("list");
    expect(out.kind === "list" && out.items.map((i) => i.kind)).toEqual(["ref", "ref"]);
  });

  test("rich text as plain text, never markup", () => {
    const rich: MetaField = { name: "body", label: "Body", type: "richtext", required: false, readonly: false };
    expect(formatValue(en, invoice, rich, `<p>Hi <b>there</b> &amp; <img src=x onerror="alert(1)"></p><script>alert(2)</script>`)).toEqual({ kind: "text", text: "Hi there &" });
  });

  test("a file as a download link by its name", () => {
    const file: MetaField = { name: "scan", label: "Scan", type: "file", required: false, readonly: false };
    const ctx = { ...en, fileUrl: (key: string) => `https://api.test/api/_files/${key}` };
    expect(formatValue(ctx, invoice, file, { key: "k1", name: "scan.pdf", type: "application/pdf", size: 10 })).toEqual({ kind: "file", text: "scan.pdf", href: "https://api.test/api/_files/k1" });
  });

  test("json, shortened", () => {
    const json: MetaField = { name: "data", label: "Data", type: "json", required: false, readonly: false };
    const text = textOf(formatValue(en, invoice, json, { list: "x".repeat(300) }));
    expect(text.length).toBe(120);
    expect(text.endsWith("…")).toBe(true);
  });

  test("system fields format as their types", () => {
    expect(formatPath(en, invoice, "version", { version: 3 })).toEqual({ kind: "text", text: "3", numeric: true });
  });
});

describe("paths", () => {
  test("resolvePath follows embedded objects and refs", () => {
    expect(resolvePath(en, customer, "address.city", { address: { city: "Lyon" } })?.value).toBe("Lyon");
    expect(resolvePath(en, invoice, "customer.address.city", record)?.value).toBe("Berlin");
    expect(resolvePath(en, invoice, "nope.x", record)).toBeUndefined();
  });

  test("labels: a field's, an embedded field's, a ref's title is the ref's own", () => {
    expect(pathLabel(en, invoice, "issued")).toBe("Issued on");
    expect(pathLabel(en, customer, "address.city")).toBe("City");
    expect(pathLabel(en, invoice, "customer.name")).toBe("Customer");
    expect(pathLabel(en, invoice, "customer.code")).toBe("Customer › Code");
  });
});

describe("plainText", () => {
  test("drops scripts, styles and tags, decodes entities", () => {
    expect(plainText("<style>p{}</style><p>a&lt;b &#x41;&#66;</p><br>c")).toBe("a<b AB c");
  });
  test("leaves unknown entities as written", () => {
    expect(plainText("a &bogus; b")).toBe("a &bogus; b");
  });
});
