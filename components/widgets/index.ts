/**
 * Registers the field widgets (imported by components/index.ts): one form-associated element per
 * field type, as components/core/registry.ts maps them.
 */
import "./weave-input-text.ts";
import "./weave-input-textarea.ts";
import "./weave-input-number.ts";
import "./weave-input-money.ts";
import "./weave-input-date.ts";
import "./weave-input-boolean.ts";
import "./weave-input-select.ts";
import "./weave-input-reference.ts";
import "./weave-input-references.ts";
import "./weave-input-embedded.ts";
import "./weave-input-json.ts";
// weave-input-richtext is optional: components/extras.ts (loaded on first use).
import "./weave-input-file.ts";

export { FieldWidget } from "./field-widget.ts";
