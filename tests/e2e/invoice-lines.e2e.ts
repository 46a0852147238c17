/**
 * An invoice with lines, through the forms: from the invoice's Lines tab, New opens the line form
 * already linked to the invoice; the saved line shows on the invoice with its totals.
 */
import { expect, test } from "./fixtures.ts";

test("a billing user adds lines to an invoice from its Lines tab, and the totals follow", async ({ page, login }) => {
  await login(page, "billing");
  const suffix = String(Math.floor(Math.random() * 900_000) + 100_000);
  const customer = await (await page.request.post("/api/customers", { data: { code: `lines-${suffix}`, name: `Lines Test ${suffix}`, email: "ap@lines.test" } })).json();
  const invoice = await (await page.request.post("/api/invoices", { data: { number: `INV-2098-${suffix}`, customer: customer.id, issued: "2026-01-10" } })).json();

  await page.goto(`/app/invoices/${invoice.id}`);
  await page.getByRole("tab", { name: "Lines" }).click();
  await page.getByRole("tabpanel").getByRole("link", { name: "New" }).click();
  await expect(page).toHaveURL(new RegExp(`/app/invoice-lines/new\\?invoice=${invoice.id}$`));

  // The line's form view does not show the invoice: the link from the Lines tab supplies it.
  const form = page.locator("weave-form");
  await form.getByLabel("Description").fill("Consulting, January");
  await form.getByLabel("Quantity").fill("3");
  await form.getByLabel("Unit price").fill("120.00");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/app\/invoice-lines\/[0-9a-f-]{36}$/);

  await page.goto(`/app/invoices/${invoice.id}`);
  await page.getByRole("tab", { name: "Lines" }).click();
  await expect(page.getByRole("tabpanel").getByRole("grid")).toContainText("Consulting, January");
  // 3 x 120.00 = 360.00, plus 19% VAT: the invoice's computed amounts follow its lines.
  await expect(page.locator("weave-detail")).toContainText("360.00");
  await expect(page.locator("weave-detail")).toContainText("428.40");
});
