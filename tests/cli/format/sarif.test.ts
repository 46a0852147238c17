import { expect, test } from "bun:test";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { sarif, SARIF_SCHEMA } from "../../../cli/format/sarif.ts";
import { weaveVersion } from "../../../cli/version.ts";
import { codes } from "../../../compiler/diagnostics/codes.ts";
import { noSchemaLine, reportOf, unknownEntity, unreachable } from "./fixtures.ts";
import { sarifSubsetSchema } from "./sarif-subset.schema.ts";

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(sarifSubsetSchema);

const log = JSON.parse(sarif(reportOf([unknownEntity, unreachable, noSchemaLine])));
const run = log.runs[0];

test("matches the SARIF 2.1.0 schema's structure", () => {
  expect(validate(log) ? [] : validate.errors).toEqual([]);
});

test("the subset schema rejects a result without a message", () => {
  const broken = structuredClone(log);
  delete broken.runs[0].results[0].message;
  expect(validate(broken)).toBe(false);
});

test("log header and tool", () => {
  expect(log.$schema).toBe(SARIF_SCHEMA);
  expect(log.version).toBe("2.1.0");
  expect(log.runs).toHaveLength(1);
  expect(run.tool.driver.name).toBe("weave");
  expect(run.tool.driver.version).toBe(weaveVersion());
  expect(run.originalUriBaseIds["%SRCROOT%"].uri).toBe("file:///work/repo/");
});

test("one rule per known code, with level and doc link", () => {
  expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(Object.keys(codes));
  const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === "WV308");
  expect(rule.shortDescription.text).toBe(codes.WV308.title);
  expect(rule.defaultConfiguration.level).toBe("warning");
  expect(rule.helpUri).toEndWith("spec/diagnostics.md#wv308");
});

test("results point at rules and carry relative locations", () => {
  expect(run.results[0]).toEqual({
    ruleId: "WV301",
    ruleIndex: Object.keys(codes).indexOf("WV301"),
    level: "error",
    message: { text: "Unknown entity `Custmer`\nhelp: did you mean `Customer`?" },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: "app/domain/invoice.entity.yaml", uriBaseId: "%SRCROOT%" },
          region: { startLine: 4, startColumn: 30, endLine: 4, endColumn: 37 },
        },
      },
    ],
  });
  expect(run.results.map((r: { level: string }) => r.level)).toEqual(["error", "warning", "note"]);
});

test("paths are URI-encoded", () => {
  const out = JSON.parse(sarif(reportOf([{ ...noSchemaLine, file: "my app/50%.yaml" }])));
  expect(out.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("my%20app/50%25.yaml");
});
