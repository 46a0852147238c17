/**
 * JUnit XML, which CI dashboards (GitLab, Jenkins, Azure, CircleCI) show as a test report.
 * One test case per diagnostic so each problem is listed with its location; errors are failures,
 * warnings too when they exceed --max-warnings, otherwise they pass with their text in system-out.
 * A clean run is one passing test case.
 */
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.ts";
import { location, type Formatter, type Report } from "./report.ts";
import { element, escapeXml } from "./xml.ts";

/**
 * Renders `<testsuites><testsuite name="weave check">...</testsuite></testsuites>`.
 *
 * @example
 * junit(report);
 * // <testcase classname="domain/a.entity.yaml" name="domain/a.entity.yaml:3:5 WV301" file="domain/a.entity.yaml" line="3">
 * //   <failure message="Unknown entity" type="WV301">domain/a.entity.yaml:3:5 - error WV301: Unknown entity</failure>
 */
export const junit: Formatter = (report) => {
  const cases = report.diagnostics.length === 0 ? [passingCase()] : report.diagnostics.map((d) => testCase(d, report));
  const tests = cases.length;
  const failures = report.diagnostics.filter((d) => fails(d, report)).length;
  const counts = { tests, failures, errors: 0, skipped: 0 };
  const suite = element("testsuite", { name: "weave check", ...counts }, [...cases.map((c) => `\n    ${c}`), "\n  "]);
  const suites = element("testsuites", { name: "weave", tests, failures, errors: 0 }, [`\n  ${suite}\n`]);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${suites}\n`;
};

function passingCase(): string {
  return element("testcase", { classname: "weave", name: "no problems" });
}

function fails(d: Diagnostic, report: Report): boolean {
  return d.severity === "error" || (d.severity === "warning" && report.warningsFail);
}

function testCase(d: Diagnostic, report: Report): string {
  const attributes = { classname: d.file, name: `${location(d)} ${d.code}`, file: d.file, line: d.line };
  const text = escapeXml(describe(d));
  const child = fails(d, report)
    ? element("failure", { message: d.message, type: d.code }, [text])
    : `<system-out>${text}</system-out>`;
  return element("testcase", attributes, [child]);
}

function describe(d: Diagnostic): string {
  const head = `${location(d)} - ${d.severity} ${d.code}: ${d.message}`;
  return d.hint ? `${head}\nhelp: ${d.hint}` : head;
}
