import { expect, test } from "bun:test";
import { isoToLocalInput, localInputToIso } from "../../../components/widgets/datetime.ts";

test("an ISO instant becomes the local wall-clock time of a datetime-local input, and back", () => {
  const iso = "2026-01-31T09:30:00.000Z";
  const local = isoToLocalInput(iso);
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  expect(local).toBe(`${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`);
  expect(localInputToIso(local)).toBe(iso);
});

test("seconds are kept when there are any", () => {
  const iso = "2026-06-15T12:00:42.000Z";
  expect(isoToLocalInput(iso)).toMatch(/:42$/);
  expect(localInputToIso(isoToLocalInput(iso))).toBe(iso);
});

test("empty or malformed values", () => {
  expect(isoToLocalInput(null)).toBe("");
  expect(isoToLocalInput("yesterday")).toBe("");
  expect(localInputToIso("")).toBeUndefined();
  expect(localInputToIso("2026-01-31")).toBeUndefined();
  expect(localInputToIso("2026-13-45T99:99")).toBeUndefined();
});
