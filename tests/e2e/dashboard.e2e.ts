/**
 * The invoicing dashboard: billing sees all four widgets (charts drawn, data tables readable),
 * a viewer only what their policies let them run; the query playground shows SQL, plan and rows.
 */
import { expect, test } from "./fixtures.ts";

test("billing sees the billing dashboard: charts with their data tables, and the overdue table", async ({ page, login }) => {
  await login(page, "billing");
  await page.goto("/app/");
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Billing overview" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Billing overview" })).toBeFocused();
  const dashboard = page.locator("weave-dashboard");
  for (const title of ["Revenue by month", "Invoices by status", "Open balance by customer", "Overdue invoices"]) {
    await expect(dashboard.getByRole("heading", { level: 2, name: title })).toBeVisible();
  }
  // The pie's data table: one row per status the seed has, readable without the chart.
  const pie = dashboard.locator("weave-dashboard-widget", { hasText: "Invoices by status" });
  const table = pie.getByRole("table");
  await expect(table).toBeAttached();
  await expect(table.getByRole("rowheader").first()).toBeAttached();
  // The chart itself is drawn (Chart.js loaded from /weave/charts.js) and labelled for screen readers.
  const canvas = pie.getByRole("img");
  await expect(canvas).toHaveAttribute("aria-label", /pie chart, \d+ data points/);
  await expect.poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.width > 0 && c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data.some((v) => v !== 0))).toBe(true);
  await expect(table).not.toBeInViewport(); // visually hidden until asked for, but in the accessibility tree
  await pie.getByRole("button", { name: "Data table" }).click();
  await expect(pie.getByRole("button", { name: "Data table" })).toHaveAttribute("aria-expanded", "true");
  await expect(table).toBeInViewport();
});

test("a viewer sees only the widget whose query they may run", async ({ page, login }) => {
  await login(page, "viewer");
  await page.goto("/app/_dashboards/billing");
  const dashboard = page.locator("weave-dashboard");
  await expect(dashboard.getByRole("heading", { level: 2, name: "Invoices by status" })).toBeVisible();
  await expect(dashboard.getByRole("heading", { level: 2 })).toHaveCount(1);
});

test("the playground runs a DSL query under the user's policies and shows SQL, plan and rows", async ({ page, login }) => {
  await login(page, "billing");
  await page.goto("/app/_playground");
  const playground = page.locator("weave-playground");
  await playground.getByLabel("Query (DSL or JSON)").fill('from("Invoice").groupBy("status").count("invoices")');
  await playground.getByRole("button", { name: /Run/ }).click();
  await expect(playground.getByRole("heading", { name: /Rows \(\d+\)/ })).toBeVisible();
  await expect(playground.locator("pre[part=sql]")).toContainText("group by");
  await expect(playground.locator("pre[part=plan]")).toContainText("Plan");
  await playground.getByLabel("Query (DSL or JSON)").fill('from("Invoice").select("nope")');
  await playground.getByRole("button", { name: /Run/ }).click();
  await expect(playground.getByRole("alert")).toContainText("/select/0");
});
