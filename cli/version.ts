/** weave's own version, from its package.json. */
import pkg from "../package.json" with { type: "json" };

/**
 * The installed weave version.
 *
 * @example
 * weaveVersion(); // "0.1.0"
 */
export function weaveVersion(): string {
  return pkg.version;
}
