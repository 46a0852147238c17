/**
 * The Studio's calls to `weave dev` (cli/studio/routes.ts): the model, an edit, and what a model
 * element generated (`GET /api/_inspect`). Development only; the app's own data goes through
 * components/client.
 */

export interface Origin {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface StudioField {
  readonly name: string;
  readonly type: string;
  readonly label: string;
  readonly required: boolean;
  readonly unique: boolean;
  readonly computed?: string;
  readonly relation?: { readonly kind: string; readonly to: readonly string[]; readonly inverse?: string };
  readonly machine?: string;
  readonly origin: Origin;
}

export interface StudioTransition {
  readonly name: string;
  readonly from: readonly string[];
  readonly to: string;
  readonly guard?: string;
  readonly allow?: string;
  readonly origin: Origin;
}

export interface StudioMachine {
  readonly name: string;
  readonly field: string;
  readonly initial: string;
  readonly states: readonly { readonly name: string; readonly label: string; readonly final: boolean }[];
  readonly transitions: readonly StudioTransition[];
  readonly origin: Origin;
}

export interface StudioSection {
  readonly label?: string;
  readonly fields: readonly string[];
}

export interface StudioEntity {
  readonly name: string;
  readonly label: string;
  readonly tenant: boolean;
  readonly origin: Origin;
  readonly fields: readonly StudioField[];
  readonly machines: readonly StudioMachine[];
  readonly indexes: readonly { readonly name: string; readonly fields: readonly string[]; readonly unique: boolean; readonly where?: string }[];
  readonly policies: Readonly<Record<"read" | "create" | "update" | "delete", string | undefined>>;
  readonly views: {
    readonly list: { readonly columns: readonly string[]; readonly filters: readonly string[] };
    readonly form: { readonly sections: readonly StudioSection[] };
    readonly detail: { readonly sections: readonly StudioSection[] };
  };
}

export interface StudioDiagnostic {
  readonly code: string;
  readonly severity: "error" | "warning" | "info";
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly hint?: string;
  /** Within the edited element (edit outcomes only). */
  readonly element?: boolean;
}

export interface StudioModel {
  /** `root`: the app folder's absolute path, for links that open a file in an editor. */
  readonly app: { readonly name: string; readonly tenancy: boolean; readonly hash: string; readonly root: string };
  readonly entities: readonly StudioEntity[];
  readonly fieldTypes: readonly { readonly type: string; readonly description: string }[];
  readonly diagnostics: readonly StudioDiagnostic[];
}

/** Something an edit left for the user: an expression still naming what it renamed or removed. */
export interface EditNote {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface EditOutcome {
  readonly diagnostics: readonly StudioDiagnostic[];
  readonly written: boolean;
  readonly diff: string;
  readonly files: readonly string[];
  readonly notes?: readonly EditNote[];
}

/** One generated element and the model element it came from (`GET /api/_inspect?generated=`). */
export interface GeneratedMatch {
  readonly generated: { readonly kind: string; readonly name: string };
  readonly element: { readonly kind: string; readonly name: string; readonly origin: Origin };
  readonly why: string;
}

/** An edit as cli/studio/edits/types.ts defines it. */
export type StudioEdit = { readonly kind: string; readonly entity: string } & Record<string, unknown>;

/** A refused request: the problem's detail. */
export class StudioError extends Error {}

/**
 * @example const studio = studioClient("http://localhost:3000"); const model = await studio.model();
 */
export function studioClient(baseUrl: string) {
  const call = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, { credentials: "same-origin", ...init });
    const body = (await response.json().catch(() => ({}))) as T & { detail?: string; title?: string };
    if (!response.ok) throw new StudioError(body.detail ?? body.title ?? `HTTP ${response.status}`);
    return body;
  };
  return {
    model: () => call<StudioModel>("/weave/studio/model"),
    edit: (edit: StudioEdit, options: { write?: boolean; force?: boolean } = {}) =>
      call<EditOutcome>("/weave/studio/edit", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ edit, ...options }) }),
    inspect: (element: string) => call<Record<string, unknown>>(`/api/_inspect?element=${encodeURIComponent(element)}`),
    generated: (thing: string) => call<{ readonly matches: readonly GeneratedMatch[] }>(`/api/_inspect?generated=${encodeURIComponent(thing)}`),
  };
}

export type StudioClient = ReturnType<typeof studioClient>;
