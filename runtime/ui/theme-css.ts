/**
 * ui/theme.yaml as CSS: every token becomes a `--weave-*` custom property on `:root`
 * (spec/theme.md). `colors` hold in light mode and `darkColors` in dark mode, whether dark comes
 * from the system or from the toggle (`data-weave-theme` on the root element).
 */
import type { IR } from "../../compiler/ir/index.ts";

interface ThemeSpec {
  readonly colors?: Readonly<Record<string, string>>;
  readonly darkColors?: Readonly<Record<string, string>>;
  readonly radius?: string;
  readonly font?: { readonly body?: string; readonly mono?: string };
  readonly density?: string;
  readonly dark?: string;
}

const RADII: Record<string, string> = { none: "0", sm: "3px", md: "6px", lg: "10px", xl: "16px", full: "999px" };
const SPACE: Record<string, string> = { compact: "0.375rem", comfortable: "0.5rem" };

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
// Theme values are checked by the theme schema; this keeps a stray `;` or `}` from ending the rule.
const safe = (value: string) => value.replace(/[;{}<>]/g, "");
const colorDeclarations = (colors: Readonly<Record<string, string>> | undefined) =>
  Object.entries(colors ?? {}).map(([name, value]) => `--weave-color-${kebab(name)}: ${safe(value)};`);

/**
 * The theme's CSS.
 *
 * @example themeCss(ir) // ":root { --weave-color-primary: #3b5bdb; --weave-radius: 6px; … }"
 */
export function themeCss(ir: IR): string {
  const theme = (ir.theme ?? {}) as ThemeSpec;
  const root = [
    ...(theme.radius ? [`--weave-radius: ${RADII[theme.radius] ?? RADII.md};`] : []),
    ...(theme.font?.body ? [`--weave-font-body: ${safe(theme.font.body)};`] : []),
    ...(theme.font?.mono ? [`--weave-font-mono: ${safe(theme.font.mono)};`] : []),
    ...(theme.density ? [`--weave-space: ${SPACE[theme.density] ?? SPACE.comfortable};`] : []),
  ];
  const rules = [`:root { ${root.join(" ")} }`];
  // `colors` hold in light mode, `darkColors` in dark mode; the built-in palettes fill the rest.
  const light = colorDeclarations(theme.colors).join(" ");
  const dark = colorDeclarations(theme.darkColors).join(" ");
  if (light) rules.push(`:root[data-weave-theme="light"] { ${light} }`, `@media not (prefers-color-scheme: dark) { :root:not([data-weave-theme="dark"]) { ${light} } }`);
  if (dark) rules.push(`:root[data-weave-theme="dark"] { ${dark} }`, `@media (prefers-color-scheme: dark) { :root:not([data-weave-theme="light"]) { ${dark} } }`);
  return `${rules.join("\n")}\n`;
}
