/** The sentence a view shows for a failed call: sign in (401), not allowed (403), not found, or the server's words. */
import { ApiError } from "../client/index.ts";
import type { Translator } from "../core/i18n.ts";

/**
 * @example problemText(i18n, new ApiError({ type: "about:blank", title: "Unauthorized", status: 401 })) // "Sign in to continue."
 */
export function problemText(i18n: Translator, error: unknown): string {
  if (!(error instanceof ApiError)) return i18n.t("ui.failed", "", { reason: error instanceof Error ? error.message : String(error) });
  if (error.status === 401) return i18n.t("ui.signInRequired");
  if (error.status === 403) return i18n.t("ui.noAccess");
  if (error.status === 404) return i18n.t("ui.notFound");
  const details = (error.problem.errors ?? []).map((e) => e.message).filter((m) => m && m !== error.message);
  return i18n.t("ui.failed", "", { reason: [error.message, ...details].join(" ") });
}
