/**
 * The shape of the per-code table in codes.test.ts: for each diagnostic code, a minimal spec that
 * gives it, where, and the same spec fixed. spec/diagnostics.md shows the same examples.
 */
import type { KnownCode } from "../../../../compiler/diagnostics/codes.ts";
import type { ExpectedDiagnostic, SpecFiles } from "../../../helpers/spec-app.ts";

export interface CodeCase {
  /** The mistake, in a few words. */
  readonly name: string;
  /** The bad spec: its files besides the default weave.yaml and policies/roles.policy.yaml. */
  readonly given: SpecFiles;
  /** The diagnostic it gives (the code is the table's key). */
  readonly want: Omit<ExpectedDiagnostic, "code">;
  /** The spec with the mistake fixed: it compiles with no diagnostic at all, except the codes in `fixedAllows`. */
  readonly fixed: SpecFiles;
  readonly fixedAllows?: readonly KnownCode[];
}

/** Cases by code; a code may have several. */
export type CodeTable = readonly (readonly [KnownCode, CodeCase])[];
