/**
 * `filter[<path>][<op>]=<value>`: a path of the list query model, an operator its type takes, and
 * a value converted by that type. Lists for `in`/`nin` are comma-separated (1 to 100 items);
 * `isNull` takes true or false.
 */
import type { IR, IREntity } from "../../compiler/ir/index.ts";
import type { Filter, FilterOp } from "./list-query.ts";
import { encryptedPathRefusal } from "./encrypted-path.ts";
import { resolveFieldPath } from "./field-path.ts";
import { listOf, type Problems } from "./problems.ts";
import type { IndexedModel } from "./query-model.ts";
import { parseScalar, type Parsed } from "./scalar-value.ts";

/** `filter[customer.name][contains]`: the path and the operator (undefined when missing). */
export const FILTER_KEY = /^filter\[([^[\]]+)\](?:\[([^[\]]*)\])?$/;

const MAX_LIST = 100;

/**
 * One filter parameter, or undefined after adding its problem.
 *
 * @example parseFilter(ir, invoice, model, "filter[due][lt]", "2026-01-01", problems) // { path: due, op: "lt", value: "2026-01-01" }
 */
export function parseFilter(ir: IR, entity: IREntity, model: IndexedModel, key: string, text: string, problems: Problems): Filter | undefined {
  const [, pathText, op] = FILTER_KEY.exec(key)!;
  const field = model.filters.get(pathText!);
  const encrypted = field ? undefined : encryptedPathRefusal(ir, entity, pathText!, "filtered");
  if (encrypted) return void problems.add(`/filter[${pathText}]`, encrypted, "encryptedField");
  if (!field) return void problems.add(`/filter[${pathText}]`, `${entity.name} has no filter path ${pathText}; allowed: ${listOf([...model.filters.keys()])}`, "unknownField");
  if (op === undefined || op === "") return void problems.add(`/filter[${pathText}]`, `give an operator, e.g. filter[${pathText}][${field.ops[0]}]; allowed: ${listOf(field.ops)}`, "unknownOperator");
  const at = `/filter[${pathText}][${op}]`;
  if (!field.ops.includes(op as FilterOp)) return void problems.add(at, `${op} is not an operator of ${pathText}; allowed: ${listOf(field.ops)}`, "unknownOperator");
  const path = resolveFieldPath(ir, entity, field);
  const value = filterValue(path.scalar, op as FilterOp, text);
  if (!value.ok) return void problems.add(at, value.message, "invalidValue");
  return { path, op: op as FilterOp, value: value.value };
}

function filterValue(scalar: Filter["path"]["scalar"], op: FilterOp, text: string): Parsed {
  if (op === "isNull") return text === "true" || text === "false" ? { ok: true, value: text === "true" } : { ok: false, message: `${JSON.stringify(text)} is not true or false` };
  if (op !== "in" && op !== "nin") return parseScalar(scalar!, text);
  const items = text.split(",");
  if (text === "" || items.length > MAX_LIST) return { ok: false, message: `give 1 to ${MAX_LIST} comma-separated values` };
  const values: unknown[] = [];
  for (const item of items) {
    const parsed = parseScalar(scalar!, item);
    if (!parsed.ok) return parsed;
    values.push(parsed.value);
  }
  return { ok: true, value: values };
}
