/**
 * The default design tokens, as `--weave-*` custom properties on the document, in light and dark.
 * They sit in `:where(:root)` (no specificity), so the app's theme.css and any page's own CSS win.
 * Values come from open-props, so the palette and scales are a known, documented set.
 */
import { Gray, Indigo, Red, Green, Yellow, Teal, Blue } from "open-props/src/props.colors.js";

const light = {
  primary: Indigo["--indigo-8"], // 4.5:1 or more on white and on gray-0 (tested)
  accent: Teal["--teal-9"],
  neutral: Gray["--gray-7"],
  success: Green["--green-9"],
  warning: Yellow["--yellow-9"],
  danger: Red["--red-9"],
  info: Blue["--blue-9"],
  surface: "#ffffff",
  background: Gray["--gray-0"],
  text: Gray["--gray-9"],
  "text-muted": Gray["--gray-7"],
  border: Gray["--gray-5"],
  "on-primary": "#ffffff",
};

const dark = {
  primary: Indigo["--indigo-3"],
  accent: Teal["--teal-3"],
  neutral: Gray["--gray-4"],
  success: Green["--green-3"],
  warning: Yellow["--yellow-3"],
  danger: Red["--red-3"],
  info: Blue["--blue-3"],
  surface: Gray["--gray-9"],
  background: Gray["--gray-11"],
  text: Gray["--gray-1"],
  "text-muted": Gray["--gray-4"],
  border: Gray["--gray-6"],
  "on-primary": Gray["--gray-11"],
};

/** The light and dark palettes, for tests and for theme.css. */
export const PALETTES = { light, dark } as const;

const declarations = (colors: Record<string, string>) =>
  Object.entries(colors)
    .map(([name, value]) => `--weave-color-${name}: ${value};`)
    .join(" ");

const SHARED = [
  "--weave-font-body: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;",
  "--weave-font-mono: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;",
  "--weave-radius: 6px;",
  "--weave-space: 0.5rem;",
  "--weave-focus: 2px solid var(--weave-color-primary);",
].join(" ");

/** The default token sheet's CSS text. */
export const TOKENS_CSS = `
:where(:root) { color-scheme: light; ${SHARED} ${declarations(light)} }
:where(:root[data-weave-theme="dark"]) { color-scheme: dark; ${declarations(dark)} }
@media (prefers-color-scheme: dark) {
  :where(:root:not([data-weave-theme="light"])) { color-scheme: dark; ${declarations(dark)} }
}`;

let installed = false;

/** Puts the default tokens on the document once (the first element that connects does it). */
export function installTokens(): void {
  if (installed || typeof document === "undefined") return;
  installed = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(TOKENS_CSS);
  // First in the adopted list: theme.css (a <link>) and page styles have higher specificity anyway.
  document.adoptedStyleSheets = [sheet, ...document.adoptedStyleSheets];
}

/** The dark-mode choice: `auto` follows the system; stored per browser. */
export type ColorScheme = "auto" | "light" | "dark";

/** Applies and remembers a color scheme choice. */
export function setColorScheme(scheme: ColorScheme): void {
  const root = document.documentElement;
  if (scheme === "auto") root.removeAttribute("data-weave-theme");
  else root.setAttribute("data-weave-theme", scheme);
  try {
    localStorage.setItem("weave.scheme", scheme);
  } catch {
    // storage blocked: the choice lasts for this page
  }
}

/** The stored color scheme choice. */
export function storedColorScheme(): ColorScheme {
  try {
    const value = localStorage.getItem("weave.scheme");
    return value === "light" || value === "dark" ? value : "auto";
  } catch {
    return "auto";
  }
}

/** Whether the page is showing dark colors now. */
export function isDark(): boolean {
  const chosen = document.documentElement.getAttribute("data-weave-theme");
  if (chosen) return chosen === "dark";
  return globalThis.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
}
