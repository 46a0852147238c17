import { badRequest, type ProblemItem, type WeaveError } from "./errors.ts";

interface ValidationLike {
  readonly type?: string;
  readonly all?: readonly { path?: string; message?: string; summary?: string; schema?: { description?: string } }[];
}

/**
 * Turns Elysia's TypeBox validation error into a 400 problem whose `errors` name each offending
 * path of the body, query or params, so a client can show every message beside its field.
 *
 * @example
 *   validationProblem({ type: "body", all: [{ path: "/email", message: "Expected string" }] });
 *   // 400, errors: [{ path: "/email", message: "Expected string", code: "body" }]
 */
export function validationProblem(error: ValidationLike): WeaveError {
  const where = error.type ?? "request";
  const items: ProblemItem[] = (error.all ?? []).map((e) => ({
    path: e.path || "/",
    message: e.summary ?? e.message ?? "is invalid",
    code: where,
  }));
  const unique = items.filter((item, i) => items.findIndex((o) => o.path === item.path && o.message === item.message) === i);
  const first = unique[0];
  const detail = first ? `invalid ${where}: ${first.path} ${first.message}${unique.length > 1 ? ` (and ${unique.length - 1} more)` : ""}` : `invalid ${where}`;
  return badRequest(detail, unique);
}
