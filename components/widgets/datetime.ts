/**
 * Datetimes between the API (ISO 8601 in UTC: "2026-01-31T09:30:00.000Z") and the native
 * `datetime-local` input (the browser's local time, no zone: "2026-01-31T10:30").
 */

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * The `datetime-local` value for an ISO instant, in the runtime's time zone ("" when not a date).
 *
 * @example isoToLocalInput("2026-01-31T09:30:00.000Z") // "2026-01-31T10:30" in Europe/Berlin
 */
export function isoToLocalInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const seconds = date.getSeconds() !== 0 ? `:${pad(date.getSeconds())}` : "";
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}${seconds}`;
}

/**
 * The ISO instant in UTC for a `datetime-local` value, read in the runtime's time zone.
 *
 * @example localInputToIso("2026-01-31T10:30") // "2026-01-31T09:30:00.000Z" in Europe/Berlin
 */
export function localInputToIso(local: string): string | undefined {
  // "YYYY-MM-DDTHH:mm" without a zone is local time by the ECMAScript date-time format.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(local)) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
