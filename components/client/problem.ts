/**
 * Errors from the API, which answers problem+json (RFC 9457). One class for every failed call, so
 * a form can show `errors` on its fields and a list can tell "sign in" (401) from "refused" (403).
 */

/** One input at fault: `path` is a JSON Pointer into the body (`/customer`) or a query parameter. */
export interface ProblemItem {
  readonly path: string;
  readonly message: string;
  readonly code?: string;
}

/** The problem+json body. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly requestId?: string;
  readonly errors?: readonly ProblemItem[];
}

/**
 * A failed API call.
 *
 * @example
 *   try { await client.create("Invoice", body); }
 *   catch (e) { if (e instanceof ApiError && e.status === 422) show(e.fieldErrors()); }
 */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = "ApiError";
    this.status = problem.status;
    this.problem = problem;
  }

  /** Messages by top-level field name (`/address/city` counts for `address`); `""` for the rest. */
  fieldErrors(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const item of this.problem.errors ?? []) {
      const field = item.path.startsWith("/") && !item.path.startsWith("/headers/") ? (item.path.split("/")[1] ?? "") : "";
      (out[field] ??= []).push(item.message);
    }
    return out;
  }
}

/** Reads a failed response into an ApiError, whatever its body (a proxy may answer plain text). */
export async function problemOf(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    if (typeof body === "object" && body && typeof body.title === "string") {
      return new ApiError({ type: body.type ?? "about:blank", ...body, title: body.title, status: response.status });
    }
  } catch {
    // not JSON: fall through to a problem made from the status line
  }
  return new ApiError({ type: "about:blank", title: response.statusText || `HTTP ${response.status}`, status: response.status, ...(text ? { detail: text.slice(0, 500) } : {}) });
}
