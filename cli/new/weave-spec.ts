/**
 * How a new app's package.json depends on weave: on the weave that created it. An installed weave
 * (inside node_modules) is asked for by version; a checkout of weave by its folder (`file:`), since
 * that is what resolves on this machine until the package is published.
 */
import { readFileSync } from "node:fs";
import { join, sep } from "node:path";

/** The folder holding weave's package.json. */
export const weaveRoot = join(import.meta.dir, "../..");

/**
 * The dependency spec for `@weave-dev/weave`.
 *
 * @example defaultWeaveSpec("/work/weave"); // "file:/work/weave"
 * @example defaultWeaveSpec("/app/node_modules/@weave-dev/weave"); // "^0.1.0"
 */
export function defaultWeaveSpec(root: string = weaveRoot): string {
  if (root.split(sep).includes("node_modules")) {
    const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    return `^${version}`;
  }
  return `file:${root}`;
}

/**
 * A kebab-case app name from a folder name, or undefined when none can be made.
 *
 * @example appNameFrom("My Tasks"); // "my-tasks"
 */
export function appNameFrom(folder: string): string | undefined {
  const name = folder.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^[^a-z]+/, "").replace(/-+$/, "");
  return name === "" ? undefined : name;
}
