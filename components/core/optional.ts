/**
 * Widgets kept out of the main bundle (they bring heavy dependencies): defined by
 * `/weave/extras.js`, loaded from beside the bundle the first time one is asked for. Until then
 * the element is an undefined custom element; it upgrades in place once the module runs.
 */
const OPTIONAL_WIDGETS: ReadonlySet<string> = new Set(["weave-input-richtext"]);

let extras: Promise<unknown> | undefined;

/**
 * Loads the optional widgets when `tag` is one of them and not defined yet.
 *
 * @example loadOptionalWidget("weave-input-richtext"); // starts loading /weave/extras.js once
 */
export function loadOptionalWidget(tag: string): void {
  if (!OPTIONAL_WIDGETS.has(tag) || typeof customElements === "undefined" || customElements.get(tag)) return;
  extras ??= import(/* @vite-ignore */ new URL("./extras.js", import.meta.url).href).catch((error: unknown) => {
    extras = undefined; // try again on the next request for one
    console.error("weave: the optional widgets could not be loaded", error);
  });
}
