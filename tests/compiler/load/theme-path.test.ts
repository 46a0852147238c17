import { describe, expect, test } from "bun:test";
import { compileSpec, loadSpec, yaml } from "../../helpers/spec-app.ts";

const appNaming = (theme: string) => yaml`
  {schema}
  weave: 0
  app: demo
  theme: ${theme}
`;

describe("the theme file named in weave.yaml", () => {
  test("is loaded from its path, and ui/theme.yaml is then not used", async () => {
    const { ir, diagnostics } = await loadSpec({
      "weave.yaml": appNaming("design/brand.yaml"),
      "design/brand.yaml": "colors: { primary: '#112233' }\nradius: lg\n",
      "ui/theme.yaml": "colors: { primary: '#ffffff' }\n",
    });
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(ir.theme).toEqual({ colors: { primary: "#112233" }, radius: "lg" });
  });

  test("without `theme:`, ui/theme.yaml is the theme", async () => {
    const { ir } = await loadSpec({ "weave.yaml": yaml`
      {schema}
      weave: 0
      app: demo
    `, "ui/theme.yaml": "radius: sm\n" });
    expect(ir.theme).toEqual({ radius: "sm" });
  });

  test("a theme path that does not exist is WV502, even when ui/theme.yaml exists", async () => {
    const { diagnostics } = await compileSpec({ "weave.yaml": appNaming("design/missing.yaml"), "ui/theme.yaml": "radius: sm\n" });
    // (WV107: the test's theme file has no modeline.)
    expect(diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual(["WV502"]);
  });
});
