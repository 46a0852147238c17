/**
 * Links from a diagnostic code to its entry in spec/diagnostics.md.
 */
import pkg from "../../package.json" with { type: "json" };

interface PackageJson {
  readonly repository?: string | { readonly url?: string };
}

/**
 * The documentation URL of a diagnostic code: the repository's spec/diagnostics.md when
 * package.json names a repository, else the copy shipped in the installed package.
 * The anchor is the lower-cased code, so each code needs a `## WV301` heading or `<a id="wv301">`.
 *
 * @example
 * diagnosticDocUrl("WV301"); // "https://github.com/<owner>/<repo>/blob/main/spec/diagnostics.md#wv301"
 */
export function diagnosticDocUrl(code: string): string {
  const repo = repositoryUrl(pkg as PackageJson);
  const page = repo ? `${repo}/blob/main/spec/diagnostics.md` : new URL("../../spec/diagnostics.md", import.meta.url).href;
  return `${page}#${code.toLowerCase()}`;
}

/**
 * The browsable https URL of a package.json `repository` entry.
 *
 * @example
 * repositoryUrl({ repository: { url: "git+https://github.com/a/b.git" } }); // "https://github.com/a/b"
 * repositoryUrl({ repository: "github:a/b" }); // "https://github.com/a/b"
 */
export function repositoryUrl(pkg: PackageJson): string | undefined {
  const raw = typeof pkg.repository === "string" ? pkg.repository : pkg.repository?.url;
  if (!raw) return undefined;
  const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(raw);
  if (shorthand) return `https://github.com/${shorthand[1]}`;
  return raw.replace(/^git\+/, "").replace(/^git:\/\//, "https://").replace(/\.git$/, "");
}
