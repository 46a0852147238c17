/** `ui/theme.yaml`: design tokens of the generated screens, as `--weave-*` CSS custom properties. */
import { doc, object, ref, str, stringEnum, type Schema } from "./dsl.ts";
import type { RootSpec } from "./root.ts";

const color = (markdown: string) => ref("color", markdown);

export const themeDefinitions: Record<string, Schema> = {
  color: {
    title: "Color",
    ...doc("A CSS color: hex (`#3b5bdb`) or a color function (`oklch(0.55 0.2 265)`, `rgb(59 91 219)`)."),
    type: "string",
    pattern:
      "^(?:#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\\(.+\\))$",
    patternErrorMessage: "Write a hex color like `#3b5bdb`, or a CSS color function like `oklch(0.55 0.2 265)`",
    examples: ["#3b5bdb"],
  },
  colorName: {
    title: "ColorName",
    ...doc("A color token name: camelCase; `brandDark` becomes `--weave-color-brand-dark`."),
    type: "string",
    pattern: "^[a-z][A-Za-z0-9]*$",
    patternErrorMessage: "Color names are camelCase, like `brandDark`",
  },
  colors: {
    title: "Colors",
    ...doc(
      "Color tokens by name, each becoming `--weave-color-<name>`. The named ones below are the ones the components " +
        "use; further names are free for your own pages. Unset ones keep the built-in palette.",
    ),
    type: "object",
    propertyNames: ref("colorName"),
    properties: {
      primary: color("Main actions, links, the selected item."),
      accent: color("Highlights and secondary emphasis."),
      neutral: color("Borders, muted text and quiet buttons."),
      success: color("Success messages, positive states."),
      warning: color("Warnings."),
      danger: color("Errors and destructive actions."),
      info: color("Informational messages."),
      surface: color("Background of cards, tables and dialogs."),
      background: color("Page background."),
      text: color("Body text."),
    },
    additionalProperties: ref("color"),
    examples: [{ primary: "#3b5bdb", danger: "#e03131" }],
  },
  font: object(
    "Font families, as CSS `font-family` lists.",
    {
      body: str("Text font. Default: the system UI font.", { examples: ["Inter, system-ui, sans-serif"] }),
      mono: str("Monospaced font for codes and aligned figures. Default: the system monospace font.", {
        examples: ["'JetBrains Mono', ui-monospace, monospace"],
      }),
    },
    { title: "Font" },
  ),
};

/** The root of theme.schema.json. */
export const theme: RootSpec = {
  kind: "theme",
  title: "ThemeSpec",
  doc:
    "The theme of a weave app (`ui/theme.yaml`): design tokens that become `--weave-*` CSS custom properties, so an " +
    "embedding page can still override them. See spec/theme.md.",
  properties: {
    colors: ref("colors"),
    darkColors: ref(
      "colors",
      "Colors for dark mode, by the same names as `colors`, which then hold for light mode only. A name not set " +
        "here keeps the built-in dark color, so a light theme never puts light surfaces into dark mode.",
    ),
    radius: stringEnum(
      "Corner rounding of buttons, inputs and cards. Default `md`.",
      {
        none: "Square corners.",
        sm: "Slightly rounded.",
        md: "Rounded.",
        lg: "Very rounded.",
        xl: "Soft.",
        full: "Pills and circles.",
      },
      { default: "md" },
    ),
    font: ref("font"),
    density: stringEnum(
      "Spacing of tables and forms. Default `comfortable`.",
      { comfortable: "Roomy: easy to read and to tap.", compact: "Tight: more rows on a screen." },
      { default: "comfortable" },
    ),
    dark: stringEnum(
      "Light or dark colors. Default `auto`.",
      { auto: "Follow the operating system's setting.", light: "Always light.", dark: "Always dark." },
      { default: "auto" },
    ),
  },
};
