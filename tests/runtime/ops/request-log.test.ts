import { expect, test } from "bun:test";
import { errorSummary, jsonLines, textLines } from "../../../runtime/ops/request-log.ts";

const entry = { time: "2026-11-24T12:04:05.123Z", level: "info", msg: "request", requestId: "r1", method: "GET", route: "/api/invoices/:id", status: 200, durationMs: 3.1, tenant: null };

test("JSON lines: one line per entry", () => {
  const lines: string[] = [];
  jsonLines((line) => lines.push(line))(entry);
  expect(lines).toEqual([`${JSON.stringify(entry)}\n`]);
});

test("text lines for a terminal: time, method, route, status, duration, and the error of a 5xx", () => {
  const lines: string[] = [];
  const log = textLines((line) => lines.push(line));
  log(entry);
  log({ ...entry, route: null, status: 404, durationMs: null });
  log({ ...entry, level: "error", status: 500, error: { name: "ConnectionLostError", message: "the database connection was lost" } });
  log({ msg: "other", detail: 1 });
  expect(lines).toEqual([
    "12:04:05 GET /api/invoices/:id 200 3.1 ms\n",
    "12:04:05 GET (no route) 404\n",
    "12:04:05 GET /api/invoices/:id 500 3.1 ms  ConnectionLostError: the database connection was lost\n",
    '{"msg":"other","detail":1}\n',
  ]);
});

test("errorSummary keeps name, message and a string code, nothing else", () => {
  const error = Object.assign(new TypeError("boom"), { code: "23505", detail: "Key (email)=(a@b.c)" });
  expect(errorSummary(error)).toEqual({ name: "TypeError", message: "boom", code: "23505" });
  expect(errorSummary("plain")).toEqual({ name: "Error", message: "plain" });
});
