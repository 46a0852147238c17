/**
 * A record's history as a timeline, from the audit log (`GET /api/_audit`, admins only): who did
 * what when, and which fields changed from what to what.
 */
import { html, nothing, type TemplateResult } from "lit";
import { TaskStatus } from "@lit/task";
import { ApiError } from "../client/index.ts";
import type { Translator } from "../core/i18n.ts";
import { problemText } from "./problem-text.ts";

/** One audit entry as the API lists it (component `weave.AuditEntry`). */
export interface AuditEntry {
  readonly id: string;
  readonly at: string;
  readonly userId: string | null;
  readonly action: string;
  readonly name: string | null;
  readonly changes: { readonly before?: Record<string, unknown> | null; readonly after?: Record<string, unknown> | null } | null;
}

/** The state of the history's load, as a `@lit/task` Task has it. */
export interface HistoryLoad {
  readonly status: TaskStatus;
  readonly value: readonly AuditEntry[] | undefined;
  readonly error: unknown;
}

/**
 * The timeline; a 403 (the user is not an administrator) reads as a short note, not an error.
 *
 * @example html`<div role="tabpanel">${renderHistory(i18n, this.#historyTask)}</div>`
 */
export function renderHistory(i18n: Translator, load: HistoryLoad): TemplateResult {
  if (load.status === TaskStatus.ERROR) {
    const refused = load.error instanceof ApiError && load.error.status === 403;
    return html`<p part="status" class=${refused ? "muted" : "alert"} role=${refused ? "note" : "alert"}>${refused ? i18n.t("ui.historyRefused") : problemText(i18n, load.error)}</p>`;
  }
  if (!load.value) return html`<p part="status" role="status">${i18n.t("ui.loading")}</p>`;
  if (load.value.length === 0) return html`<p part="status" class="muted">${i18n.t("ui.historyEmpty")}</p>`;
  return html`<ol class="history" part="history">${load.value.map((entry) => renderEntry(i18n, entry))}</ol>`;
}

function renderEntry(i18n: Translator, entry: AuditEntry): TemplateResult {
  const what = i18n.t(`ui.audit.${entry.action}`, entry.action, { name: entry.name ?? "" });
  const changed = changedFields(entry);
  return html`<li part="entry">
    <strong>${what}</strong>
    <time datetime=${entry.at} class="muted">${i18n.datetime(entry.at)}</time>
    ${entry.userId ? html`<span class="muted">${i18n.t("ui.byUser", "", { user: entry.userId.slice(0, 8) })}</span>` : nothing}
    ${changed.length
      ? html`<ul part="changes">${changed.map(([field, before, after]) => html`<li><code>${field}</code>: ${show(before)} → ${show(after)}</li>`)}</ul>`
      : nothing}
  </li>`;
}

/** The changed fields with their values before and after. */
export function changedFields(entry: Pick<AuditEntry, "changes">): [string, unknown, unknown][] {
  const before = entry.changes?.before ?? {};
  const after = entry.changes?.after ?? {};
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return names.map((name) => [name, before[name], after[name]]);
}

function show(value: unknown): string {
  if (value === undefined || value === null) return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}
