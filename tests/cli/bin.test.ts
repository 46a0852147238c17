/**
 * The real `weave` bin in a child process: exit codes and output as a shell or CI sees them.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { brokenApp, cleanApp, emptyApp, repoRoot, tempApps, warningApp } from "./temp-app.ts";
import { parseXml } from "./format/xml-parse.ts";

const bin = join(repoRoot, "cli/bin/weave.ts");
let apps: ReturnType<typeof tempApps>;

beforeAll(() => {
  apps = tempApps({ clean: cleanApp, broken: brokenApp, warning: warningApp, empty: emptyApp });
});
afterAll(() => apps.remove());

async function weave(...args: string[]) {
  const child = Bun.spawn([process.execPath, bin, ...args], {
    cwd: apps.dir,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined },
    stdout: "pipe",
    stderr: "pipe",
  });
  const [out, err, code] = await Promise.all([new Response(child.stdout).text(), new Response(child.stderr).text(), child.exited]);
  return { code, out, err };
}

describe("weave check exit codes", () => {
  const cases: [string, { given: string[]; want: number }][] = [
    ["clean app", { given: ["check", "clean"], want: 0 }],
    ["app with errors", { given: ["check", "broken"], want: 1 }],
    ["folder without weave.yaml (WV104)", { given: ["check", "empty"], want: 1 }],
    ["warnings, no limit", { given: ["check", "warning"], want: 0 }],
    ["warnings past --max-warnings 0", { given: ["check", "warning", "--max-warnings", "0"], want: 1 }],
    ["warnings within --max-warnings 9", { given: ["check", "warning", "--max-warnings", "9"], want: 0 }],
    ["bad flag", { given: ["check", "clean", "--strict"], want: 2 }],
    ["bad format", { given: ["check", "clean", "--format", "xml"], want: 2 }],
    ["bad --max-warnings", { given: ["check", "clean", "--max-warnings", "-1"], want: 2 }],
    ["missing dir", { given: ["check", "nope"], want: 2 }],
    ["unknown command", { given: ["chek"], want: 2 }],
  ];

  test.each(cases)("%s", async (_name, { given, want }) => {
    const { code, out, err } = await weave(...given);
    expect({ code, out, err }).toMatchObject({ code: want });
  });
});

describe("weave check output", () => {
  test("clean: a tick", async () => {
    const { out, err } = await weave("check", "clean");
    expect(out).toStartWith("✓ no problems");
    expect(err).toBe("");
  });

  test("errors: paths relative to the cwd, code frame, summary", async () => {
    const { out } = await weave("check", "broken");
    expect(out).toMatch(/^broken\/domain\/invoice\.entity\.yaml:\d+:\d+ - error WV301: /m);
    expect(out).toContain("customer: { type: ref, to: Custmer }");
    expect(out).toMatch(/\n1 error in 1 file\n$/);
  });

  test("missing dir names it on stderr", async () => {
    expect(await weave("check", "nope")).toEqual({ code: 2, out: "", err: "weave check: no such directory: nope\n" });
  });

  test("bad flag names it and the valid options", async () => {
    const { err } = await weave("check", "--fromat", "json");
    expect(err).toBe("weave check: unknown option --fromat (did you mean --format?); valid options: --format, --max-warnings, --quiet, --help\n");
  });

  test("--max-warnings says why it failed on stderr", async () => {
    const { err } = await weave("check", "warning", "--max-warnings", "0", "--format", "json");
    expect(err).toMatch(/^weave check: \d+ warnings exceed --max-warnings 0\n$/);
  });

  test("--quiet hides warnings", async () => {
    const { code, out } = await weave("check", "warning", "--quiet");
    expect({ code, out }).toEqual({ code: 0, out: "✓ no problems in 2 files\n" });
  });

  test("json", async () => {
    const body = JSON.parse((await weave("check", "broken", "--format", "json")).out);
    expect(Object.keys(body)).toEqual(["version", "diagnostics", "summary"]);
    expect(body.diagnostics[0]).toMatchObject({ code: "WV301", severity: "error", file: "broken/domain/invoice.entity.yaml" });
    expect(body.summary).toEqual({ errors: 1, warnings: 0 });
  });

  test("github", async () => {
    const { out } = await weave("check", "broken", "--format", "github");
    expect(out).toMatch(/^::error file=broken\/domain\/invoice\.entity\.yaml,line=\d+,col=\d+.*,title=WV301::/);
  });

  test("sarif", async () => {
    const log = JSON.parse((await weave("check", "broken", "--format", "sarif")).out);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("broken/domain/invoice.entity.yaml");
  });

  test("junit", async () => {
    const suites = parseXml((await weave("check", "broken", "--format", "junit")).out);
    expect(suites.children[0]!.attributes.failures).toBe("1");
  });

  test("--version", async () => {
    const { code, out } = await weave("--version");
    expect(code).toBe(0);
    expect(out).toMatch(/^\d+\.\d+\.\d+/);
  });
});
