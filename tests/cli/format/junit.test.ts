import { describe, expect, test } from "bun:test";
import { junit } from "../../../cli/format/junit.ts";
import { escapeXml } from "../../../cli/format/xml.ts";
import { noSchemaLine, reportOf, unknownEntity, unreachable } from "./fixtures.ts";
import { parseXml } from "./xml-parse.ts";

const nasty = { ...unknownEntity, message: `Unknown <entity> "A" & 'B' ]]> \u0001` };

describe("junit", () => {
  test("clean run is one passing test case", () => {
    const suites = parseXml(junit(reportOf([])));
    expect(suites.attributes).toEqual({ name: "weave", tests: "1", failures: "0", errors: "0" });
    const suite = suites.children[0]!;
    expect(suite.attributes).toEqual({ name: "weave check", tests: "1", failures: "0", errors: "0", skipped: "0" });
    expect(suite.children).toEqual([{ name: "testcase", attributes: { classname: "weave", name: "no problems" }, children: [], text: "" }]);
  });

  test("one test case per diagnostic; errors fail, warnings pass with their text", () => {
    const xml = junit(reportOf([nasty, unreachable, noSchemaLine]));
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')).toBe(true);
    const suite = parseXml(xml).children[0]!;
    expect(suite.attributes.tests).toBe("3");
    expect(suite.attributes.failures).toBe("1");
    const [error, warning, info] = suite.children;
    expect(error!.attributes).toEqual({
      classname: "app/domain/invoice.entity.yaml",
      name: "app/domain/invoice.entity.yaml:4:30 WV301",
      file: "app/domain/invoice.entity.yaml",
      line: "4",
    });
    const failure = error!.children[0]!;
    expect(failure.name).toBe("failure");
    expect(failure.attributes).toEqual({ message: `Unknown <entity> "A" & 'B' ]]> `, type: "WV301" });
    expect(failure.text).toBe(
      `app/domain/invoice.entity.yaml:4:30 - error WV301: Unknown <entity> "A" & 'B' ]]> \nhelp: did you mean \`Customer\`?`,
    );
    expect(warning!.children.map((c) => c.name)).toEqual(["system-out"]);
    expect(info!.children[0]!.text).toBe("app/weave.yaml:1:1 - info WV107: no modeline");
  });

  test("warnings fail when they exceed --max-warnings", () => {
    const suite = parseXml(junit(reportOf([unreachable], { warningsFail: true }))).children[0]!;
    expect(suite.attributes.failures).toBe("1");
    expect(suite.children[0]!.children[0]!.attributes).toEqual({ message: unreachable.message, type: "WV308" });
  });
});

const escapes: [string, { given: string; want: string }][] = [
  ["markup", { given: `<a href="x">&</a>`, want: "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;" }],
  ["apostrophe", { given: "it's", want: "it&apos;s" }],
  ["control characters dropped, whitespace kept", { given: "a\u0000b\u001Fc\td\ne", want: "abc\td\ne" }],
  ["astral characters kept", { given: "😀", want: "😀" }],
];

test.each(escapes)("escapeXml: %s", (_name, { given, want }) => {
  expect(escapeXml(given)).toBe(want);
});

test("the reader rejects what is not well-formed", () => {
  expect(() => parseXml("<a><b></a>")).toThrow();
  expect(() => parseXml("<a>x & y</a>")).toThrow();
  expect(() => parseXml("<a/><b/>")).toThrow();
  expect(() => parseXml("<a>")).toThrow();
});
