/**
 * Resolving paths given on the command line and printing paths relative to where the user is.
 */
import { statSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { CliError } from "./command.ts";

/**
 * The absolute app folder for a `[dir]` argument. A folder without weave.yaml is the compiler's
 * to report (WV104); a path that is not a folder is a usage error.
 *
 * @example
 * appDir("examples/invoicing", "/repo"); // "/repo/examples/invoicing"
 * appDir("nope", "/repo"); // throws CliError "no such directory: nope"
 */
export function appDir(dir: string, cwd: string): string {
  const path = resolve(cwd, dir);
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new CliError(`no such directory: ${dir}`);
  if (!stat.isDirectory()) throw new CliError(`not a directory: ${dir}`);
  return path;
}

/**
 * `path` relative to `cwd` with forward slashes, or "." for `cwd` itself.
 *
 * @example
 * displayPath("/repo/examples/invoicing/weave.yaml", "/repo"); // "examples/invoicing/weave.yaml"
 */
export function displayPath(path: string, cwd: string): string {
  return relative(cwd, path).split(sep).join("/") || ".";
}
