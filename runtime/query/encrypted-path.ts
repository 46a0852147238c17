/**
 * Whether a filter or sort path ends at an `encrypted` field: the database holds only its
 * ciphertext, so the query model leaves it out, and the 400 says why rather than "no such path".
 */
import type { IR, IREntity, IRField } from "../../compiler/ir/index.ts";

/**
 * The message refusing `path` when it names an encrypted field (following refs), else undefined.
 *
 * @example encryptedPathRefusal(ir, customer, "iban", "filtered") // "iban is encrypted and cannot be filtered on"
 */
export function encryptedPathRefusal(ir: IR, entity: IREntity, path: string, verb: "filtered" | "sorted"): string | undefined {
  let current: IREntity | undefined = entity;
  const names = path.split(".");
  for (const [i, name] of names.entries()) {
    const field: IRField | undefined = current?.fields.find((f) => f.name === name);
    if (!field) return undefined;
    if (i === names.length - 1) return field.encrypted ? `${path} is encrypted and cannot be ${verb} on: the database holds only its ciphertext` : undefined;
    current = ir.entities.find((e) => e.name === field.relation?.to[0]);
  }
  return undefined;
}
