/**
 * The files an edit reads and changes: the app's spec texts with the changes made so far on top,
 * so one edit may change several files (a relation and its inverse) and nothing touches the disk.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { kindOfPath } from "../../../compiler/load/discover.ts";

/** Where the spec texts come from: the app folder, or a map in tests. */
export interface SpecSource {
  /** The text of `path` (relative to the app folder), undefined when there is no such file. */
  read(path: string): string | undefined;
  /** The entity files, relative to the app folder. */
  entityFiles(): readonly string[];
  /** Every spec file (weave.yaml, entities, policies, queries, workflows, seeds, ui, i18n), relative to the app folder. */
  specFiles(): readonly string[];
}

const SPEC_FOLDERS = ["domain", "policies", "workflows", "queries", "ui", "seed", "i18n"];

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
    specFiles() {
      const inFolder = (folder: string) => {
        try {
          return readdirSync(join(dir, folder)).map((name) => `${folder}/${name}`);
        } catch {
          return [];
        }
      };
      return ["weave.yaml", ...SPEC_FOLDERS.flatMap(inFolder)].filter((path) => kindOfPath(path)).sort();
    },
  };
}

/** A source from texts by path, for tests and for compiling a change before writing it. */
export function memorySource(files: Readonly<Record<string, string>>): SpecSource {
  return {
    read: (path) => files[path],
    entityFiles: () => Object.keys(files).filter((p) => /^domain\/[^/]+\.entity\.ya?ml$/.test(p)).sort(),
    specFiles: () => Object.keys(files).filter((p) => kindOfPath(p)).sort(),
  };
}

/** An edit refused before any compiling: an unknown entity, a name taken. */
export class EditRefused extends Error {}

/** A change of one file: its new text, or null when the edit deletes it. */
export type FileChange = string | null;

export class Draft {
  readonly #changes = new Map<string, FileChange>();
  constructor(readonly source: SpecSource) {}

  read(path: string): string | undefined {
    return this.#changes.has(path) ? (this.#changes.get(path) ?? undefined) : this.source.read(path);
  }

  write(path: string, text: string): void {
    this.#changes.set(path, text);
  }

  /** Deletes the file at `path`. */
  remove(path: string): void {
    this.#changes.set(path, null);
  }

  /** Moves a file: its text, changes so far included, goes to `to`. */
  move(path: string, to: string): void {
    const text = this.read(path);
    if (text === undefined) throw new EditRefused(`no file ${path}`);
    if (this.read(to) !== undefined) throw new EditRefused(`${to} exists already`);
    this.remove(path);
    this.write(to, text);
  }

  /** Changed files by path (null: deleted), only those that differ from the source. */
  changes(): ReadonlyMap<string, FileChange> {
    return new Map([...this.#changes].filter(([path, text]) => (this.source.read(path) ?? null) !== text));
  }

  /** The entity files, new ones included and deleted ones left out. */
  entityFiles(): string[] {
    return this.#current(this.source.entityFiles(), (p) => /^domain\/[^/]+\.entity\.ya?ml$/.test(p));
  }

  /** Every spec file, new ones included and deleted ones left out. */
  specFiles(): string[] {
    return this.#current(this.source.specFiles(), (p) => kindOfPath(p) !== null && kindOfPath(p) !== undefined);
  }

  #current(existing: readonly string[], keep: (path: string) => boolean): string[] {
    const created = [...this.#changes].filter(([p, text]) => text !== null && keep(p)).map(([p]) => p);
    return [...new Set([...existing, ...created])].filter((p) => this.read(p) !== undefined).sort();
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
