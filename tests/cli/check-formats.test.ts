import { afterAll, describe, expect, test } from "bun:test";
import { join, relative } from "node:path";
import { repoRoot, tempApps } from "./temp-app.ts";

// One app with mistakes in three files; each must come out, at its file:line:col, in every format.
const apps = tempApps({
  many: {
    "weave.yaml": "{schema:app}\nweave: 0\napp: demo\ntenancy: { enabled: true }\n",
    "domain/customer.entity.yaml": `{schema:entity}
entity: Customer
fields:
  name: { type: string, requird: true }
policies:
  read: "true"
`,
    "domain/invoice.entity.yaml": `{schema:entity}
entity: Invoice
fields:
  customer: { type: ref, to: Custmer }
  status: { type: state, machine: lifecycle }
  total: { type: money, currency: EUR }
states:
  lifecycle:
    initial: draft
    states: { draft: {}, sent: {} }
    transitions:
      send: { from: draft, to: snet, guard: "total > 'x'" }
policies:
  read: "true"
`,
  },
});
afterAll(apps.remove);

const appDir = join(apps.dir, "many");
const rel = (file: string) => relative(repoRoot, join(appDir, file));
const expected = [
  { code: "WV200", file: "domain/customer.entity.yaml", line: 4, column: 25 },
  { code: "WV301", file: "domain/invoice.entity.yaml", line: 4, column: 30 },
  { code: "WV308", file: "domain/invoice.entity.yaml", line: 10, column: 26, severity: "warning" },
  { code: "WV307", file: "domain/invoice.entity.yaml", line: 12, column: 32 },
  { code: "WV403", file: "domain/invoice.entity.yaml", line: 12, column: 46 },
];
const errors = expected.filter((d) => d.severity !== "warning");

async function check(format: string): Promise<{ code: number; out: string }> {
  const proc = Bun.spawn([process.execPath, "cli/bin/weave.ts", "check", rel(""), "--format", format], { cwd: repoRoot, stdout: "pipe", stderr: "pipe", env: { ...process.env, NO_COLOR: "1" } });
  const [out, code] = await Promise.all([new Response(proc.stdout).text(), proc.exited]);
  return { code, out };
}

describe("weave check on a spec with several mistakes", () => {
  test("json: every mistake at its place, exit 1", async () => {
    const { code, out } = await check("json");
    expect(code).toBe(1);
    const found = (JSON.parse(out).diagnostics as { code: string; file: string; line: number; column: number }[]).map(({ code, file, line, column }) => ({ code, file, line, column }));
    expect(found).toEqual(expected.map(({ code, file, line, column }) => ({ code, file: rel(file), line, column })));
  });

  test("pretty: file:line:col - error CODE for each", async () => {
    const { code, out } = await check("pretty");
    expect(code).toBe(1);
    for (const d of expected) expect(out).toContain(`${rel(d.file)}:${d.line}:${d.column} - ${d.severity ?? "error"} ${d.code}:`);
    expect(out).toContain("4 errors, 1 warning in 2 files");
  });

  test("github: one annotation each", async () => {
    const { out } = await check("github");
    const lines = out.trim().split("\n");
    expect(lines).toHaveLength(expected.length);
    expected.forEach((d, i) => expect(lines[i]).toStartWith(`::${d.severity ?? "error"} file=${rel(d.file)},line=${d.line},col=${d.column},`));
    expected.forEach((d, i) => expect(lines[i]).toContain(`title=${d.code}::`));
  });

  test("sarif: one result each with its region", async () => {
    const { out } = await check("sarif");
    const results = JSON.parse(out).runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[];
    const found = results.map((r) => ({ code: r.ruleId, uri: r.locations[0]!.physicalLocation.artifactLocation.uri, line: r.locations[0]!.physicalLocation.region.startLine, column: r.locations[0]!.physicalLocation.region.startColumn }));
    expect(found).toEqual(expected.map((d) => ({ code: d.code, uri: encodeURI(rel(d.file)), line: d.line, column: d.column })));
  });

  test("junit: one test case each, errors as failures", async () => {
    const { out } = await check("junit");
    for (const d of expected) expect(out).toContain(`name="${rel(d.file)}:${d.line}:${d.column} ${d.code}"`);
    expect(out.match(/<failure /g)).toHaveLength(errors.length);
  });
});
