/**
 * The Studio's edit library: each edit changes the spec texts in memory (a Draft), through the
 * `yaml` Document API, keeping comments, key order and formatting; cli/studio/apply.ts compiles the
 * result and writes it.
 *
 * @example
 *   const draft = new Draft(folderSource("examples/invoicing"));
 *   const element = applyEdit(draft, { kind: "addField", entity: "Invoice", field: "po", props: { type: "string" } });
 *   draft.changes(); // Map { "domain/invoice.entity.yaml" => "...\n  po: { type: string }\n..." }
 */
import type { Draft } from "./draft.ts";
import { addEntity, addField, type EditedElement, removeField, renameField, reorderFields, setField } from "./entity-edits.ts";
import { addIndex, addRelation, setListView, setPolicies, setSections } from "./model-edits.ts";
import { removeEntity, removeIndex, removeRelation, removeState, removeTransition } from "./remove-edits.ts";
import { renameEntity } from "./rename-entity.ts";
import { addMachine, addState, addTransition, setTransition } from "./state-edits.ts";
import type { EditKind, EditOf, StudioEdit } from "./types.ts";

export { Draft, EditRefused, folderSource, memorySource, type SpecSource } from "./draft.ts";
export type { EditedElement } from "./entity-edits.ts";
export type { EditNote } from "./notes.ts";
export { StudioEditSchema, type StudioEdit } from "./types.ts";

const HANDLERS: { readonly [K in EditKind]: (draft: Draft, edit: EditOf<K>) => EditedElement } = {
  addEntity,
  removeEntity,
  renameEntity,
  addField,
  renameField,
  removeField,
  reorderFields,
  setField,
  addRelation,
  removeRelation,
  addIndex,
  removeIndex,
  setPolicies,
  setListView,
  setSections,
  addMachine,
  addState,
  removeState,
  addTransition,
  removeTransition,
  setTransition,
};

/** Applies `edit` to the draft; returns the element it edited. Throws EditRefused for a name the model lacks. */
export function applyEdit(draft: Draft, edit: StudioEdit): EditedElement {
  const handler = HANDLERS[edit.kind] as (draft: Draft, edit: StudioEdit) => EditedElement;
  return handler(draft, edit);
}
