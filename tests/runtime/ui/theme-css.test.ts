import { describe, expect, test } from "bun:test";
import type { IR } from "../../../compiler/ir/index.ts";
import { themeCss } from "../../../runtime/ui/theme-css.ts";

const withTheme = (theme: unknown) => ({ theme }) as unknown as IR;

describe("themeCss", () => {
  test("no theme gives an empty root rule: the built-in tokens apply", () => {
    expect(themeCss(withTheme(null))).toBe(":root {  }\n");
  });

  test("tokens become --weave-* properties; colors hold in light mode, darkColors in dark mode", () => {
    const css = themeCss(withTheme({ colors: { primary: "#3b5bdb", brandDark: "oklch(0.3 0.1 265)" }, darkColors: { primary: "#91a7ff" }, radius: "lg", density: "compact", font: { mono: "'JetBrains Mono', monospace" } }));
    expect(css).toContain(":root { --weave-radius: 10px; --weave-font-mono: 'JetBrains Mono', monospace; --weave-space: 0.375rem; }");
    expect(css).toContain(`:root[data-weave-theme="light"] { --weave-color-primary: #3b5bdb; --weave-color-brand-dark: oklch(0.3 0.1 265); }`);
    expect(css).toContain(`@media not (prefers-color-scheme: dark) { :root:not([data-weave-theme="dark"]) { --weave-color-primary: #3b5bdb;`);
    expect(css).toContain(`:root[data-weave-theme="dark"] { --weave-color-primary: #91a7ff; }`);
    expect(css).toContain(`@media (prefers-color-scheme: dark) { :root:not([data-weave-theme="light"]) { --weave-color-primary: #91a7ff; } }`);
  });

  test("a value cannot close the rule and inject another", () => {
    expect(themeCss(withTheme({ colors: { primary: "red; } body { display: none" } }))).not.toContain("}  body");
    expect(themeCss(withTheme({ colors: { primary: "red; } body { display: none" } }))).toContain("--weave-color-primary: red  body  display: none;");
  });
});
