import { expect, test } from "bun:test";
import { json } from "../../../cli/format/json.ts";
import { reportOf, unknownEntity, unreachable } from "./fixtures.ts";

test("fixed key order, optional keys left out, summary counts", () => {
  const shuffled = { hint: unknownEntity.hint, ...unknownEntity };
  expect(json(reportOf([shuffled, unreachable]))).toBe(`{
  "version": 1,
  "diagnostics": [
    {
      "code": "WV301",
      "severity": "error",
      "message": "Unknown entity \`Custmer\`",
      "file": "app/domain/invoice.entity.yaml",
      "line": 4,
      "column": 30,
      "endLine": 4,
      "endColumn": 37,
      "hint": "did you mean \`Customer\`?"
    },
    {
      "code": "WV308",
      "severity": "warning",
      "message": "State \`void\` cannot be reached from \`draft\`",
      "file": "app/domain/invoice.entity.yaml",
      "line": 5,
      "column": 3
    }
  ],
  "summary": {
    "errors": 1,
    "warnings": 1
  }
}
`);
});

test("clean report", () => {
  expect(JSON.parse(json(reportOf([])))).toEqual({ version: 1, diagnostics: [], summary: { errors: 0, warnings: 0 } });
});
