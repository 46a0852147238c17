/** Snippets for a new field of each common type, offered in a `fields` map. */
import type { Schema, Snippet } from "./dsl.ts";

/** Bodies of the snippets for a new field of each common type. */
const fieldBodies: [string, Schema][] = [
  ["string", { type: "string", maxLength: "${1:200}" }],
  ["text", { type: "text" }],
  ["int", { type: "int", min: "${1:0}" }],
  ["decimal", { type: "decimal", precision: 18, scale: 2 }],
  ["money", { type: "money", currency: "${1:EUR}" }],
  ["boolean", { type: "boolean", default: false }],
  ["date", { type: "date" }],
  ["datetime", { type: "datetime" }],
  ["email", { type: "email" }],
  ["enum", { type: "enum", values: ["${1:low}", "${2:high}"] }],
  ["state", { type: "state", machine: "${1:lifecycle}" }],
  ["ref", { type: "ref", to: "${1:Customer}", onDelete: "${2|restrict,cascade,setNull|}" }],
  ["many", { type: "many", to: "${1:InvoiceLine}", inverse: "${2:invoice}" }],
  ["many-to-many", { type: "many-to-many", to: "${1:Tag}" }],
  ["embedded", { type: "embedded", fields: { "${1:street}": { type: "string" } } }],
  ["computed", { type: "money", computed: "${1:sum(lines.total)}" }],
];

/** Shifts snippet placeholders by one, so `${1:name}` can come first. */
function shift(value: unknown): unknown {
  if (typeof value === "string") return value.replace(/\$\{(\d+)/g, (_, n: string) => `\${${Number(n) + 1}`);
  if (Array.isArray(value)) return value.map(shift);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [shift(k) as string, shift(v)]));
  }
  return value;
}

/**
 * Snippets for a new `name: { type: … }` entry of a fields map; `only` keeps the types allowed there.
 *
 * @example newFieldSnippets(["string", "embedded"]) // inside an embedded object
 */
export function newFieldSnippets(only?: string[]): Snippet[] {
  return fieldBodies
    .filter(([label, body]) => !only || (label !== "computed" && only.includes(String(body.type))))
    .map(([label, body]) => ({ label: `new ${label} field`, body: { "${1:name}": shift(body) } }));
}
