/**
 * Removals: an entity (its file), a relation with its other side, an index, a state, a transition.
 * A removal that leaves other elements naming what it removed is refused by the compiler's
 * diagnostics, like any edit that does not compile (cli/studio/apply.ts).
 */
import { type Draft, EditRefused } from "./draft.ts";
import { type EditedElement, removeField } from "./entity-edits.ts";
import type { EditOf } from "./types.ts";
import { deleteIn, getIn } from "./yaml-text.ts";

type FieldSpec = { readonly to?: unknown; readonly inverse?: unknown; readonly type?: unknown };

export function removeEntity(draft: Draft, edit: EditOf<"removeEntity">): EditedElement {
  const file = draft.fileOf(edit.entity);
  draft.remove(file);
  return { file, path: ["entity"] };
}

/** The relation field, and on the other side the field that lists or mirrors it. */
export function removeRelation(draft: Draft, edit: EditOf<"removeRelation">): EditedElement {
  const file = draft.fileOf(edit.entity);
  const field = getIn(draft.read(file)!, ["fields", edit.field]) as FieldSpec | undefined;
  if (field === undefined) throw new EditRefused(`${edit.entity} has no field ${edit.field}`);
  const targets = [field.to].flat().filter((t): t is string => typeof t === "string");
  if (targets.length === 0) throw new EditRefused(`${edit.entity}.${edit.field} is not a relation`);
  const others = targets.flatMap((target) => otherSides(draft, edit.entity, edit.field, field, target));
  const raise = edit.raiseVersion ? { raiseVersion: true } : {};
  const result = removeField(draft, { kind: "removeField", entity: edit.entity, field: edit.field, ...raise });
  for (const other of others) removeField(draft, { kind: "removeField", entity: other.entity, field: other.field, ...raise });
  return result;
}

/** Fields of `target` that are the other side of `entity.field`. */
function otherSides(draft: Draft, entity: string, name: string, field: FieldSpec, target: string): { entity: string; field: string }[] {
  const targetFile = draft.entityFiles().find((path) => getIn(draft.read(path)!, ["entity"]) === target);
  if (!targetFile) return [];
  const fields = (getIn(draft.read(targetFile)!, ["fields"]) ?? {}) as Record<string, FieldSpec | null>;
  return Object.entries(fields)
    .filter(([other, spec]) => {
      if (target === entity && other === name) return false;
      const pointsBack = [spec?.to].flat().includes(entity);
      return pointsBack && (spec?.inverse === name || field.inverse === other);
    })
    .map(([other]) => ({ entity: target, field: other }));
}

/** The index at `position` of the `indexes` list; the whole list goes with its last index. */
export function removeIndex(draft: Draft, edit: EditOf<"removeIndex">): EditedElement {
  const file = draft.fileOf(edit.entity);
  const indexes = getIn(draft.read(file)!, ["indexes"]);
  const index = Array.isArray(indexes) ? (indexes[edit.position] as { fields?: unknown } | undefined) : undefined;
  if (!index) throw new EditRefused(`${edit.entity} has no index at position ${edit.position}`);
  if (edit.fields && JSON.stringify(index.fields) !== JSON.stringify(edit.fields)) {
    throw new EditRefused(`the index at position ${edit.position} of ${edit.entity} is on ${[index.fields].flat().join(", ")}, not ${edit.fields.join(", ")}: reload the model`);
  }
  draft.update(file, (text) => deleteIn(text, (indexes as unknown[]).length === 1 ? ["indexes"] : ["indexes", edit.position]));
  return { file, path: ["indexes"] };
}

/**
 * A state of a machine that lists its states. Transitions that still use it, or an `initial`
 * naming it, are reported by the compiler.
 */
export function removeState(draft: Draft, edit: EditOf<"removeState">): EditedElement {
  const file = machineFile(draft, edit.entity, edit.machine);
  const text = draft.read(file)!;
  if (getIn(text, ["states", edit.machine, "states"]) === undefined) {
    throw new EditRefused(`${edit.machine} derives its states from its transitions: remove or change the transitions that use ${edit.state}`);
  }
  if (getIn(text, ["states", edit.machine, "states", edit.state]) === undefined) throw new EditRefused(`${edit.machine} has no state ${edit.state}`);
  draft.update(file, (t) => deleteIn(t, ["states", edit.machine, "states", edit.state]));
  return { file, path: ["states", edit.machine, "states"] };
}

/** A transition, and its entry in `policies.transitions`. */
export function removeTransition(draft: Draft, edit: EditOf<"removeTransition">): EditedElement {
  const file = machineFile(draft, edit.entity, edit.machine);
  const path = ["states", edit.machine, "transitions", edit.transition];
  if (getIn(draft.read(file)!, path) === undefined) throw new EditRefused(`${edit.machine} has no transition ${edit.transition}`);
  draft.update(file, (t) => deleteIn(t, path));
  draft.update(file, (t) => deleteIn(t, ["policies", "transitions", edit.transition]));
  return { file, path: ["states", edit.machine, "transitions"] };
}

function machineFile(draft: Draft, entity: string, machine: string): string {
  const file = draft.fileOf(entity);
  if (getIn(draft.read(file)!, ["states", machine]) === undefined) throw new EditRefused(`${entity} has no state machine ${machine}`);
  return file;
}
