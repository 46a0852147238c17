/**
 * Watches an app folder for spec changes: YAML files and the TypeScript handlers beside them.
 * Bun's --hot only follows imported modules, not YAML read from disk, so `weave dev` watches the
 * folder itself. Bursts (an editor's save writes several times) are coalesced into one call.
 */
import { type FSWatcher, watch } from "node:fs";

const IGNORED = /(^|[\\/])(\.weave|node_modules|\.git|dist|migrations)([\\/]|$)/;
const RELEVANT = /\.(ya?ml|ts)$/;

/**
 * Calls `onChange` with the changed paths, `debounceMs` after the last change of a burst.
 * Returns a function that stops watching.
 *
 * @example const stop = watchSpec("/app", (paths) => reload(paths));
 */
export function watchSpec(dir: string, onChange: (paths: readonly string[]) => void, debounceMs = 40): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = new Set<string>();
  const watcher: FSWatcher = watch(dir, { recursive: true }, (_event, file) => {
    const path = file?.toString();
    if (!path || IGNORED.test(path) || !RELEVANT.test(path)) return;
    changed.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = [...changed];
      changed.clear();
      onChange(paths);
    }, debounceMs);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
