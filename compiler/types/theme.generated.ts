/* Generated from schema/ by compiler/types/generate.ts. Do not edit: run `bun run gen:types`. */

/**
 * A CSS color: hex (#3b5bdb) or a color function (oklch(0.55 0.2 265), rgb(59 91 219)).
 *
 * This interface was referenced by `ThemeSpec`'s JSON-Schema
 * via the `definition` "color".
 */
export type Color = string;
/**
 * A color token name: camelCase; brandDark becomes --weave-color-brand-dark.
 *
 * This interface was referenced by `ThemeSpec`'s JSON-Schema
 * via the `definition` "colorName".
 */
export type ColorName = string;

/**
 * The theme of a weave app (ui/theme.yaml): design tokens that become --weave-* CSS custom properties, so an embedding page can still override them. See spec/theme.md.
 */
export interface ThemeSpec {
  colors?: Colors;
  /**
   * Colors for dark mode, by the same names as colors, which then hold for light mode only. A name not set here keeps the built-in dark color, so a light theme never puts light surfaces into dark mode.
   */
  darkColors?: Colors;
  /**
   * Corner rounding of buttons, inputs and cards. Default md.
   */
  radius?: "none" | "sm" | "md" | "lg" | "xl" | "full";
  font?: Font;
  /**
   * Spacing of tables and forms. Default comfortable.
   */
  density?: "comfortable" | "compact";
  /**
   * Light or dark colors. Default auto.
   */
  dark?: "auto" | "light" | "dark";
}
/**
 * Color tokens by name, each becoming --weave-color-<name>. The named ones below are the ones the components use; further names are free for your own pages. Unset ones keep the built-in palette.
 *
 * This interface was referenced by `ThemeSpec`'s JSON-Schema
 * via the `definition` "colors".
 */
export interface Colors {
  /**
   * Main actions, links, the selected item.
   */
  primary?: Color;
  /**
   * Highlights and secondary emphasis.
   */
  accent?: Color;
  /**
   * Borders, muted text and quiet buttons.
   */
  neutral?: Color;
  /**
   * Success messages, positive states.
   */
  success?: Color;
  /**
   * Warnings.
   */
  warning?: Color;
  /**
   * Errors and destructive actions.
   */
  danger?: Color;
  /**
   * Informational messages.
   */
  info?: Color;
  /**
   * Background of cards, tables and dialogs.
   */
  surface?: Color;
  /**
   * Page background.
   */
  background?: Color;
  /**
   * Body text.
   */
  text?: Color;
  [k: string]: Color | undefined;
}
/**
 * Font families, as CSS font-family lists.
 *
 * This interface was referenced by `ThemeSpec`'s JSON-Schema
 * via the `definition` "font".
 */
export interface Font {
  /**
   * Text font. Default: the system UI font.
   */
  body?: string;
  /**
   * Monospaced font for codes and aligned figures. Default: the system monospace font.
   */
  mono?: string;
}
