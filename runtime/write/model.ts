/**
 * Reading the IR for writes: entities by name (also as a query parameter spells them), their
 * transitions and actions, and the model's tables (from `schemaOf`, cached per IR).
 */
import { schemaOf, type DbTable } from "../../compiler/generators/sql/index.ts";
import type { IR, IREntity } from "../../compiler/ir/index.ts";
import { badRequest, notFound } from "../server/errors.ts";

type Transition = IREntity["states"][number]["transitions"][number];
type Machine = IREntity["states"][number];

const tables = new WeakMap<IR, readonly DbTable[]>();

/**
 * The entity named `name`; a 404 when the model has none (a route for it cannot exist).
 *
 * @example entityOf(ir, "Invoice").table; // "invoices"
 */
export function entityOf(ir: IR, name: string): IREntity {
  const entity = ir.entities.find((e) => e.name === name);
  if (!entity) throw notFound(`no entity ${name}`);
  return entity;
}

/**
 * The entity a query parameter names: its name (`InvoiceLine`), camelCase (`invoiceLine`), table
 * (`invoice_lines`) or path (`invoice-lines`). An unknown one is a 400 that lists the allowed values.
 *
 * @example entityParam(ir, "invoice-lines", "/entity").name; // "InvoiceLine"
 */
export function entityParam(ir: IR, value: string, path: string): IREntity {
  const wanted = value.trim();
  const entity = ir.entities.find((e) => [e.name, camelName(e.name), e.table, e.table.replaceAll("_", "-")].includes(wanted));
  if (entity) return entity;
  const allowed = ir.entities.filter((e) => !e.generated).map((e) => camelName(e.name));
  throw badRequest(`unknown entity '${value}'; allowed: ${allowed.join(", ")}`, [{ path, message: `unknown entity; allowed: ${allowed.join(", ")}`, code: "enum" }]);
}

/** `InvoiceLine` -> `invoiceLine`, as event types name entities. */
export const camelName = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);

/** The model's tables with their columns and constraints (`schemaOf`, computed once per IR). */
export function tablesOf(ir: IR): readonly DbTable[] {
  let found = tables.get(ir);
  if (!found) tables.set(ir, (found = schemaOf(ir).tables));
  return found;
}

/** The transition named `name` and its machine; a 404 naming the entity's transitions when there is none. */
export function transitionOf(entity: IREntity, name: string): { machine: Machine; transition: Transition } {
  for (const machine of entity.states) {
    const transition = machine.transitions.find((t) => t.name === name);
    if (transition) return { machine, transition };
  }
  const known = entity.states.flatMap((m) => m.transitions.map((t) => t.name));
  throw notFound(`${entity.name} has no transition '${name}'${known.length ? `; its transitions: ${known.join(", ")}` : ""}`);
}

/** The action named `name`; a 404 naming the entity's actions when there is none. */
export function actionOf(entity: IREntity, name: string): IREntity["actions"][number] {
  const action = entity.actions.find((a) => a.name === name);
  if (action) return action;
  const known = entity.actions.map((a) => a.name);
  throw notFound(`${entity.name} has no action '${name}'${known.length ? `; its actions: ${known.join(", ")}` : ""}`);
}
