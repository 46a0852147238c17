import { expect, test } from "bun:test";
import { ApiError } from "../../../components/client/index.ts";
import { translator } from "../../../components/core/i18n.ts";
import { changedFields } from "../../../components/views/history.ts";
import { problemText } from "../../../components/views/problem-text.ts";

test("changedFields pairs each field's value before and after", () => {
  expect(changedFields({ changes: { before: { status: "draft", due: null }, after: { status: "sent", sentAt: "2026-01-31T09:30:00.000Z" } } })).toEqual([
    ["status", "draft", "sent"],
    ["due", null, undefined],
    ["sentAt", undefined, "2026-01-31T09:30:00.000Z"],
  ]);
  expect(changedFields({ changes: null })).toEqual([]);
});

test("problemText: sign in, not allowed, not found, or the server's words with its field messages", () => {
  const i18n = translator(undefined, "en");
  const problem = (status: number, extra = {}) => new ApiError({ type: "about:blank", title: "T", status, ...extra });
  expect(problemText(i18n, problem(401))).toBe("Sign in to continue.");
  expect(problemText(i18n, problem(403))).toBe("You may not see this.");
  expect(problemText(i18n, problem(404))).toBe("Not found.");
  expect(problemText(i18n, problem(422, { detail: "the guard of send failed", errors: [{ path: "/", message: "size(lines) > 0 && has(due)" }] }))).toBe(
    "That did not work: the guard of send failed size(lines) > 0 && has(due)",
  );
  expect(problemText(i18n, new Error("offline"))).toBe("That did not work: offline");
});
