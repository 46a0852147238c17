/**
 * The part of the SARIF 2.1.0 JSON schema (docs.oasis-open.org/sarif/sarif/v2.1.0) that weave's
 * output uses: same property names, required properties, enums, minimums and
 * `additionalProperties: false` as the official schema, so a misspelt or misplaced key fails.
 */
const level = { enum: ["none", "note", "warning", "error"] };
const obj = (properties: object, required: string[] = []) => ({ type: "object", additionalProperties: false, properties, required });
const ref = (name: string) => ({ $ref: `#/definitions/${name}` });
const arrayOf = (name: string) => ({ type: "array", items: ref(name) });
const index = { type: "integer", minimum: -1 };
const positive = { type: "integer", minimum: 1 };

export const sarifSubsetSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  ...obj({ $schema: { type: "string", format: "uri" }, version: { enum: ["2.1.0"] }, runs: arrayOf("run") }, ["version", "runs"]),
  definitions: {
    run: obj(
      {
        tool: ref("tool"),
        originalUriBaseIds: { type: "object", additionalProperties: ref("artifactLocation") },
        columnKind: { enum: ["utf16CodeUnits", "unicodeCodePoints"] },
        results: arrayOf("result"),
      },
      ["tool"],
    ),
    tool: obj({ driver: ref("toolComponent") }, ["driver"]),
    toolComponent: obj(
      { name: { type: "string" }, version: { type: "string" }, informationUri: { type: "string", format: "uri" }, rules: arrayOf("reportingDescriptor") },
      ["name"],
    ),
    reportingDescriptor: obj(
      {
        id: { type: "string" },
        shortDescription: ref("multiformatMessageString"),
        defaultConfiguration: ref("reportingConfiguration"),
        helpUri: { type: "string", format: "uri" },
      },
      ["id"],
    ),
    multiformatMessageString: obj({ text: { type: "string" } }, ["text"]),
    reportingConfiguration: obj({ level }),
    result: obj(
      { ruleId: { type: "string" }, ruleIndex: index, level, message: ref("message"), locations: arrayOf("location") },
      ["message"],
    ),
    message: { ...obj({ text: { type: "string" }, id: { type: "string" } }), anyOf: [{ required: ["text"] }, { required: ["id"] }] },
    location: obj({ physicalLocation: ref("physicalLocation") }),
    physicalLocation: { ...obj({ artifactLocation: ref("artifactLocation"), region: ref("region") }), required: ["artifactLocation"] },
    artifactLocation: obj({ uri: { type: "string", format: "uri-reference" }, uriBaseId: { type: "string" } }),
    region: obj({ startLine: positive, startColumn: positive, endLine: positive, endColumn: positive }),
  },
};
