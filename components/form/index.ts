/** Registers the elements of this folder (imported by components/index.ts). */
import "./weave-form.ts";
