/**
 * The dev loop in the browser, on its own `weave dev` (own copy of the invoicing example, own
 * port): an edit to the model reaches the open page without a reload; a broken edit shows the
 * diagnostics over the page while the last good model keeps serving; the fix clears them.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, USERS } from "./fixtures.ts";
import { ownDevServer } from "./own-dev-server.ts";

const own = ownDevServer("dev-loop");

test("an edited field appears in the open app; a broken edit shows an overlay and the old model keeps serving", async ({ page }) => {
  test.setTimeout(90_000);
  const { url, dir } = own();
  await page.request.post(`${url}/api/auth/login`, { data: USERS.billing });
  await page.goto(`${url}/app/customers/new`);
  const form = page.locator("weave-form");
  await expect(form.getByLabel("Name", { exact: true })).toBeVisible();
  await expect(form.getByLabel("Phone")).toHaveCount(0);

  const file = join(dir, "domain/customer.entity.yaml");
  const original = readFileSync(file, "utf8");
  // A new field in the form view: the page redraws with it, without a reload.
  const edited = original
    .replace("fields:\n", "fields:\n  phone:\n    type: string\n    label: Phone\n")
    .replace(/(form:\s*\n\s*sections:\s*\n\s*- \{ label: [^,]+, fields: \[)/, "$1phone, ");
  expect(edited).not.toBe(original);
  writeFileSync(file, edited);
  await expect(form.getByLabel("Phone")).toBeVisible({ timeout: 15_000 });

  // A broken edit: the overlay names the problem; the API still serves the last good model.
  writeFileSync(file, edited.replace("fields:\n", "fields:\n  owner: { type: ref, to: Usr }\n"));
  const overlay = page.locator("weave-dev-overlay").getByRole("alert");
  await expect(overlay).toContainText("WV301", { timeout: 15_000 });
  await expect(overlay).toContainText("domain/customer.entity.yaml:");
  expect((await page.request.get(`${url}/api/customers?fields=phone`)).status()).toBe(200);

  // The fix clears it.
  writeFileSync(file, edited);
  await expect(overlay).toHaveCount(0, { timeout: 15_000 });
  await expect(form.getByLabel("Phone")).toBeVisible();
});
