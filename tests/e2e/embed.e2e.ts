/**
 * examples/embed: a plain HTML page served by Python's http.server (another origin) embeds
 * `<weave-login>` and `<weave-list>` from the running weave API.
 */
import { EMBED_PORT } from "./playwright.config.ts";
import { expect, test, USERS } from "./fixtures.ts";

test("the embed page signs in across origins and lists the user's invoices", async ({ page, baseURL }) => {
  await page.goto(`http://127.0.0.1:${EMBED_PORT}/index.html?api=${encodeURIComponent(baseURL!)}`);
  const login = page.locator("weave-login");
  await login.getByLabel("Email").first().fill(USERS.billing.email);
  await login.getByLabel("Password", { exact: true }).fill(USERS.billing.password);
  await login.getByRole("button", { name: "Sign in", exact: true }).click();
  const grid = page.locator("weave-list").getByRole("grid");
  await expect(grid).toBeVisible();
  await expect(grid.getByText("INV-2026-0001")).toBeVisible();
  // The page's own CSS reaches into the component through its tokens.
  expect(await page.locator("weave-list").evaluate((el) => getComputedStyle(el).getPropertyValue("--weave-radius").trim())).toBe("2px");
});

test("without signing in, the embedded list asks for it instead of showing data", async ({ page, baseURL }) => {
  await page.goto(`http://127.0.0.1:${EMBED_PORT}/index.html?api=${encodeURIComponent(baseURL!)}`);
  await expect(page.locator("weave-list").getByText(/sign in/i)).toBeVisible();
  await expect(page.locator("weave-list").getByText("INV-2026-0001")).toHaveCount(0);
});
