/**
 * The schemas make an editor complete and validate the example's files: the real
 * yaml-language-server (what VS Code's YAML extension runs), spoken to over LSP, with the settings
 * of .vscode/settings.json. Documents are opened in memory only; nothing is written to disk.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Glob } from "bun";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { DiagnosticSeverity, type Diagnostic, type Position } from "vscode-languageserver-protocol/node";
import { fileUri, startYamlServer, type Settings, type YamlServer } from "./yaml-server.ts";

const root = resolve(import.meta.dir, "../..");
const app = join(root, "examples/invoicing");
const domain = join(app, "domain");
const examples = [...new Glob("**/*.yaml").scanSync(app)].sort();
const invoice = readFileSync(join(domain, "invoice.entity.yaml"), "utf8");
const modeline = "# yaml-language-server: $schema=../../../schema/entity.schema.json";

/** Per document and per request; the suite as a whole stays well under 40 s. */
const serverTimeout = 15_000;
const testTimeout = serverTimeout + 5_000;

/** The workspace's settings as VS Code hands them over: `yaml.x` keys under the `yaml` section. */
function editorSettings(): Settings {
  const workspace = JSON.parse(readFileSync(join(root, ".vscode/settings.json"), "utf8")) as Record<string, unknown>;
  const yaml: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(workspace)) if (key.startsWith("yaml.")) yaml[key.slice(5)] = value;
  return {
    yaml: {
      ...yaml,
      validate: true,
      completion: true,
      hover: true,
      // No network: never fetch the schema store's catalog or Kubernetes CRDs.
      schemaStore: { enable: false },
      kubernetesCRDStore: { enable: false },
    },
    http: { proxy: "", proxyStrictSSL: false },
    "[yaml]": {},
    editor: {},
  };
}

/** The `<|>` in `given` as a position, and the text without it. */
function cursor(given: string): { text: string; position: Position } {
  const at = given.indexOf("<|>");
  if (at < 0) throw new Error("no <|> in the document");
  const before = given.slice(0, at).split("\n");
  return { text: given.replace("<|>", ""), position: { line: before.length - 1, character: before.at(-1)!.length } };
}

/** invoice.entity.yaml with `lines` added as the first entries of `fields:`. */
function invoiceWith(lines: string): string {
  return invoice.replace(/^fields:\n/m, `fields:\n${lines}\n`);
}

/** The schema an example's modeline names, as a file:// URI; fails the test if there is none. */
function modelineSchema(file: string): string {
  const first = readFileSync(join(app, file), "utf8").split("\n")[0]!;
  const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
  if (!match) throw new Error(`${file}: the first line is not a yaml-language-server modeline: ${first}`);
  return fileUri(resolve(dirname(join(app, file)), match[1]!));
}

/** A document of the domain folder that exists only in the editor. */
const scratch = (name: string) => fileUri(join(domain, `zz-editor-test-${name}.entity.yaml`));

const show = (d: Diagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`;
const errors = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);

/** The `type` values of the leaf branches under a field union of entity.schema.json. */
function fieldTypes(definition: string): string[] {
  const schema = JSON.parse(readFileSync(join(root, "schema/entity.schema.json"), "utf8"));
  const walk = (name: string): string[] => {
    const node = schema.definitions[name];
    if (node.oneOf) return node.oneOf.flatMap((branch: { $ref: string }) => walk(branch.$ref.split("/").at(-1)!));
    const type = node.properties.type;
    return type.enum ?? [type.const];
  };
  return walk(definition);
}

let server: YamlServer | undefined;

beforeAll(async () => {
  server = await startYamlServer({ root, settings: editorSettings(), timeoutMs: serverTimeout });
}, testTimeout);

afterAll(async () => {
  await server?.stop();
}, testTimeout);

/** Opens a document and returns its diagnostics, with the server's stderr on a time-out. */
async function open(uri: string, text: string): Promise<Diagnostic[]> {
  try {
    return await server!.open(uri, text);
  } catch (error) {
    throw new Error(`${(error as Error).message}\nserver stderr:\n${server!.stderr()}`);
  }
}

async function labelsAt(name: string, given: string): Promise<string[]> {
  const { text, position } = cursor(given);
  const uri = scratch(name);
  await open(uri, text);
  return (await server!.complete(uri, position)).map((item) => item.label);
}

describe("yaml-language-server on examples/invoicing", () => {
  test("finds the example's spec files", () => {
    expect(examples).toContain("weave.yaml");
    expect(examples).toContain("domain/invoice.entity.yaml");
    expect(examples.length).toBeGreaterThanOrEqual(10);
  });

  describe("every file validates clean through its modeline", () => {
    test.each(examples)("%s", async (file) => {
      const uri = fileUri(join(app, file));
      expect((await open(uri, readFileSync(join(app, file), "utf8"))).map(show)).toEqual([]);
      expect(await server!.schemas(uri)).toEqual([modelineSchema(file)]);
    }, testTimeout);
  });

  describe("every file validates clean through .vscode/settings.json alone", () => {
    // Same relative path under a folder that exists only in the editor, modeline blanked out, so
    // only the yaml.schemas globs can pick the schema.
    test.each(examples)("%s", async (file) => {
      const text = readFileSync(join(app, file), "utf8").replace(/^# yaml-language-server: .*$/m, "#");
      const uri = fileUri(join(root, "examples/zz-editor-test-settings", file));
      expect((await open(uri, text)).map(show)).toEqual([]);
      // The glob picks the same schema as the file's own modeline.
      expect(await server!.schemas(uri)).toEqual([modelineSchema(file)]);
    }, testTimeout);

    test("and a bad entity there is still reported", async () => {
      const uri = fileUri(join(root, "examples/zz-editor-test-settings/domain/bad.entity.yaml"));
      const diagnostics = await open(uri, "entity: Bad\ncolour: red\nfields:\n  a: { type: string }\n");
      expect(errors(diagnostics).map(show)).toEqual(["2:1 Property colour is not allowed."]);
    }, testTimeout);
  });

  const completions: [string, { given: string; want: string[]; not?: string[] }][] = [
    [
      "a new, empty field offers the keys of every field type",
      {
        given: invoiceWith("  zzNew:\n    <|>"),
        want: ["type", "label", "description", "required", "unique", "default", "computed", "readonly"]
          .concat(["help", "currency", "values", "to", "onDelete", "inverse", "machine", "fields"]),
      },
    ],
    [
      "a money field offers money's keys and no other type's",
      {
        given: invoiceWith("  zzNew:\n    type: money\n    <|>"),
        want: ["currency", "currencyField", "min", "max", "required", "unique", "computed", "materialized"],
        not: ["type", "to", "machine", "values", "inverse", "precision"],
      },
    ],
    [
      "a ref field offers the relation keys",
      {
        given: invoiceWith("  zzNew:\n    type: ref\n    <|>"),
        want: ["to", "onDelete", "required", "label"],
        not: ["currency", "machine", "inverse"],
      },
    ],
    [
      "type: offers every field type",
      { given: invoiceWith("  zzNew:\n    type: <|>"), want: fieldTypes("field") },
    ],
    [
      "type: inside an embedded field offers the scalar types and embedded",
      {
        given: invoiceWith("  address:\n    type: embedded\n    fields:\n      street:\n        type: <|>"),
        want: fieldTypes("embeddedMember"),
        not: ["state", "ref", "many"],
      },
    ],
    [
      "type: of an action input offers the scalar types and ref",
      {
        given: `${modeline}\nentity: Zz\nfields:\n  name: { type: string }\nactions:\n  go:\n    scope: record\n    input:\n      x:\n        type: <|>`,
        want: fieldTypes("inputField"),
        not: ["state", "many", "embedded"],
      },
    ],
    [
      "a new entry of fields: offers the new-field snippets",
      {
        given: invoiceWith("  <|>"),
        want: ["new string field", "new money field", "new ref field", "new many field", "new state field"],
      },
    ],
    [
      "the top level offers the sections not yet written",
      {
        given: `${modeline}\nentity: Zz\nfields:\n  name: { type: string }\n<|>`,
        want: ["states", "views", "policies", "actions", "rules", "indexes", "search", "tenant", "key"],
        not: ["entity", "fields"],
      },
    ],
  ];

  describe("completion", () => {
    test.each(completions)("%s", async (name, { given, want, not = [] }) => {
      expect(want.length).toBeGreaterThan(0);
      const labels = await labelsAt(name.replace(/\W+/g, "-"), given);
      expect(labels).toEqual(expect.arrayContaining(want));
      for (const label of not) expect(labels).not.toContain(label);
    }, testTimeout);

  });

  const hovers: [string, { line: RegExp; key: string; want: string }][] = [
    ["fields:", { line: /^fields:/, key: "fields", want: "The fields by name" }],
    // The markdownDescription, not the plain description: only it has the backticks.
    ["tenant:", { line: /^tenant:/, key: "tenant", want: "Needs `tenancy.enabled` in weave.yaml." }],
    ["a field's type", { line: /^ {4}type: money/, key: "type", want: "`money`: An amount of money" }],
    ["a money field's currency", { line: /^ {4}currency:/, key: "currency", want: "ISO 4217" }],
  ];

  describe("hover", () => {
    test.each(hovers)("on %s shows the schema's markdown", async (_, { line, key, want }) => {
      const lines = invoice.split("\n");
      const index = lines.findIndex((text) => line.test(text));
      expect(index).toBeGreaterThanOrEqual(0);
      const uri = scratch(`hover-${key}`);
      await open(uri, invoice);
      const hover = await server!.hover(uri, { line: index, character: lines[index]!.indexOf(key) + 1 });
      expect(hover?.contents).toMatchObject({ kind: "markdown" });
      expect((hover!.contents as { value: string }).value).toContain(want);
    }, testTimeout);
  });

  test("validation reports each mistake on its line", async () => {
    // `#! text`: an error whose message contains text is expected on this line, and on no other.
    const given = [
      modeline,
      "entity: Zz",
      "colour: red            #! Property colour is not allowed",
      "tenant: yes please     #! Incorrect type. Expected \"boolean\"",
      "version: two           #! Incorrect type. Expected \"integer\"",
      "fields:",
      "  name:",
      "    type: string",
      "    required: maybe    #! Incorrect type. Expected \"boolean\"",
      "    shade: blue        #! Property shade is not allowed",
      "  customer:",
      "    type: ref",
      "    to: Customer",
      "    onDelete: explode  #! Value is not accepted",
      "",
    ].join("\n");
    const want = given.split("\n").flatMap((text, index) => {
      const mark = text.indexOf("#! ");
      return mark < 0 ? [] : [{ line: index + 1, message: text.slice(mark + 3) }];
    });
    const got = errors(await open(scratch("invalid"), given));
    const on = (line: number) => got.filter((d) => d.range.start.line + 1 === line).map(show);
    for (const { line, message } of want) expect(on(line).join("\n") || `no error on line ${line}`).toContain(message);
    const lines = [...new Set(got.map((d) => d.range.start.line + 1))].sort((a, b) => a - b);
    expect(lines).toEqual(want.map((w) => w.line));
  }, testTimeout);
});

