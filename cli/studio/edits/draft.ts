/**
 * The files an edit reads and changes: the app's spec texts with the changes made so far on top,
 * so one edit may change several files (a relation and its inverse) and nothing touches the disk.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";

/** Where the spec texts come from: the app folder, or a map in tests. */
export interface SpecSource {
  /** The text of `path` (relative to the app folder), undefined when there is no such file. */
  read(path: string): string | undefined;
  /** The entity files, relative to the app folder. */
  entityFiles(): readonly string[];
}

/**
 * The app folder as a source.
 *
 * @example const draft = new Draft(folderSource("examples/invoicing"));
 */
export function folderSource(dir: string): SpecSource {
  return {
    read(path) {
      try {
        return readFileSync(join(dir, path), "utf8");
      } catch {
        return undefined;
      }
    },
    entityFiles() {
      try {
        return readdirSync(join(dir, "domain"))
          .filter((name) => /\.entity\.ya?ml$/.test(name))
          .sort()
          .map((name) => `domain/${name}`);
      } catch {
        return [];
      }
    },
  };
}

/** A source from texts by path, for tests and for compiling a change before writing it. */
export function memorySource(files: Readonly<Record<string, string>>): SpecSource {
  return {
    read: (path) => files[path],
    entityFiles: () => Object.keys(files).filter((p) => /^domain\/[^/]+\.entity\.ya?ml$/.test(p)).sort(),
  };
}

/** An edit refused before any compiling: an unknown entity, a name taken. */
export class EditRefused extends Error {}

export class Draft {
  readonly #changes = new Map<string, string>();
  constructor(readonly source: SpecSource) {}

  read(path: string): string | undefined {
    return this.#changes.get(path) ?? this.source.read(path);
  }

  write(path: string, text: string): void {
    this.#changes.set(path, text);
  }

  /** Changed texts by path, only those that differ from the source. */
  changes(): ReadonlyMap<string, string> {
    return new Map([...this.#changes].filter(([path, text]) => this.source.read(path) !== text));
  }

  /** The entity files, new ones included. */
  entityFiles(): string[] {
    const created = [...this.#changes.keys()].filter((p) => p.startsWith("domain/") && !this.source.read(p));
    return [...new Set([...this.source.entityFiles(), ...created])].sort();
  }

  /** The file declaring `entity`; refused when none does. */
  fileOf(entity: string): string {
    const found = this.entityFiles().find((path) => entityName(this.read(path) ?? "") === entity);
    if (!found) throw new EditRefused(`no entity ${entity} in the app`);
    return found;
  }

  /** Applies `change` to the text of `path`. */
  update(path: string, change: (text: string) => string): void {
    this.write(path, change(this.read(path) ?? ""));
  }
}

/** The `entity:` name a file declares, read without failing on a broken file. */
export function entityName(text: string): string | undefined {
  const value = parseDocument(text, { logLevel: "silent" }).get("entity");
  return typeof value === "string" ? value : undefined;
}
