/**
 * Loading the app's TypeScript modules (action handlers, hooks) by their path in the model,
 * relative to the app folder.
 */
import { isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * The function a module exports under `name`, else its default export, else `run`. A module
 * that cannot be loaded, or exports no function, is the app's bug: a plain Error (a 500).
 *
 * @example const handler = await loadFunction("/srv/app", "./hooks/duplicate.ts"); // its default export
 */
export async function loadFunction(appDir: string | undefined, path: string, name?: string): Promise<(...args: any[]) => unknown> {
  const file = isAbsolute(path) ? path : resolve(appDir ?? process.cwd(), path);
  let module: Record<string, unknown>;
  try {
    module = await import(pathToFileURL(file).href);
  } catch (error) {
    throw new Error(`cannot load ${path} (${file}): ${(error as Error)?.message ?? error}`, { cause: error });
  }
  const found = [name && module[name], module.default, module.run].find((f) => typeof f === "function");
  if (!found) throw new Error(`${path} exports no function: export default (or ${name ? `${name} or ` : ""}run)`);
  return found as (...args: any[]) => unknown;
}
