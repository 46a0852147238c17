/**
 * The app shell in the browser: sign-in (password, magic link, registration), navigation from
 * `_meta`, focus on route change, dark mode, the locale switch, and the theme's contrast.
 */
import { expect, test, USERS } from "./fixtures.ts";

test("a visitor is asked to sign in, signs in with the form, and sees the entities they may read", async ({ page }) => {
  await page.goto("/app/");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await page.getByLabel("Email").first().fill(USERS.billing.email);
  await page.getByLabel("Password", { exact: true }).fill(USERS.billing.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await expect(nav.getByRole("link", { name: "Invoices" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Customers" })).toBeVisible();
  await nav.getByRole("link", { name: "Invoices" }).click();
  await expect(page).toHaveURL(/\/app\/invoices$/);
  const heading = page.getByRole("heading", { level: 1, name: "Invoices" });
  await expect(heading).toBeFocused();
  await expect(nav.getByRole("link", { name: "Invoices" })).toHaveAttribute("aria-current", "page");
});

test("a wrong password is an error on the page, and nothing signs in", async ({ page }) => {
  await page.goto("/app/login");
  await page.getByLabel("Email").first().fill(USERS.billing.email);
  await page.getByLabel("Password", { exact: true }).fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("incorrect");
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toHaveCount(0);
});

test("a magic link from the development outbox signs the user in", async ({ page, baseURL }) => {
  await page.goto("/app/login");
  const form = page.locator("weave-login form.magic");
  await form.getByLabel("Email").fill(USERS.viewer.email);
  await form.getByRole("button").click();
  await expect(page.getByRole("status")).toContainText("sign-in link");
  const outbox = (await (await page.request.get(`${baseURL}/api/_dev/outbox`)).json()) as { data: { to: string; text: string }[] };
  const mail = outbox.data.find((m) => m.to === USERS.viewer.email);
  const link = mail?.text.match(/https?:\/\/\S+/)?.[0];
  expect(link, "the mail carries a link").toBeTruthy();
  await page.goto(link!);
  await expect(page).toHaveURL(/\/app\/$/);
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Vera Viewer" })).toBeVisible();
});

test("a new account registers and lands in the app", async ({ page }) => {
  await page.goto("/app/register");
  await page.getByLabel("Name").fill("Nina New");
  await page.getByLabel("Email").fill(`nina.${Date.now()}@example.test`);
  await page.getByLabel("Password", { exact: true }).fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("link", { name: "Nina New" })).toBeVisible();
});

test("the dark-mode toggle switches the colors and is remembered", async ({ page, login }) => {
  await login(page, "billing");
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/app/");
  const background = () => page.evaluate(() => getComputedStyle(document.querySelector("weave-app")!).backgroundColor);
  const light = await background();
  await page.getByRole("button", { name: "Toggle dark mode" }).click();
  await expect(page.getByRole("button", { name: "Toggle dark mode" })).toHaveAttribute("aria-pressed", "true");
  const dark = await background();
  expect(dark).not.toBe(light);
  await page.reload();
  await expect.poll(background).toBe(dark);
});

test("the system's dark preference applies until the user chooses", async ({ page, login }) => {
  await login(page, "billing");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/app/");
  await expect(page.getByRole("button", { name: "Toggle dark mode" })).toHaveAttribute("aria-pressed", "true");
});

test("switching the language in settings translates the navigation", async ({ page, login }) => {
  await login(page, "billing");
  await page.goto("/app/settings");
  await page.getByLabel("Language").selectOption("de");
  const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
  await expect(nav.getByRole("link", { name: "Rechnungen" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("navigation", { name: "Hauptnavigation" })).toBeVisible();
  // Section and tab labels of the views are translated too.
  const { data } = (await (await page.request.get("/api/invoices?page[size]=1")).json()) as { data: { id: string }[] };
  await page.goto(`/app/invoices/${data[0]!.id}`);
  await expect(page.locator("weave-detail").getByRole("heading", { name: "Beträge" })).toBeVisible();
  await expect(page.locator("weave-detail").getByRole("tab", { name: "Positionen" })).toBeVisible();
});

for (const scheme of ["light", "dark"] as const) {
  test(`the default theme keeps text contrast at 4.5:1 or more (${scheme})`, async ({ page, login }) => {
    await login(page, "billing");
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/app/");
    await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
    const ratios = await page.evaluate(() => {
      const style = getComputedStyle(document.documentElement);
      const token = (name: string) => style.getPropertyValue(`--weave-color-${name}`).trim();
      const probe = document.createElement("div");
      document.body.append(probe);
      const rgb = (color: string) => {
        probe.style.color = color;
        return getComputedStyle(probe).color.match(/[\d.]+/g)!.slice(0, 3).map(Number);
      };
      const luminance = (color: string) => {
        const [r, g, b] = rgb(color).map((v) => {
          const c = v / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const ratio = (a: string, b: string) => {
        const [x, y] = [luminance(token(a)), luminance(token(b))].sort((p, q) => q - p);
        return (x! + 0.05) / (y! + 0.05);
      };
      const pairs = [["text", "surface"], ["text", "background"], ["text-muted", "surface"], ["primary", "surface"], ["primary", "background"], ["danger", "surface"], ["on-primary", "primary"]] as const;
      return Object.fromEntries(pairs.map(([a, b]) => [`${a} on ${b}`, Math.round(ratio(a, b) * 100) / 100]));
    });
    for (const [pair, value] of Object.entries(ratios)) expect(value, pair).toBeGreaterThanOrEqual(4.5);
  });
}
