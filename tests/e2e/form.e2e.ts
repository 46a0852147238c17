/**
 * `<weave-form>` in the app and on its own: creating records (by mouse and by keyboard alone, with
 * the reference combobox), the server's validation errors on their fields and in the summary,
 * the conflict after someone else's save, what a viewer gets, and a replaced widget.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { signIn } from "./form-helpers.ts";

const unique = () => `${Date.now() % 1_000_000}${Math.floor(Math.random() * 10)}`;

/** The name of the field widget that has the focus. */
const focusedField = (page: Page) =>
  page.evaluate(() => {
    let active: Element | null | undefined = document.activeElement;
    let name: string | undefined;
    while (active) {
      if (active.tagName.startsWith("WEAVE-INPUT-")) name = active.getAttribute("name") ?? undefined;
      active = active.shadowRoot?.activeElement;
    }
    return name;
  });

/** Presses Tab until the focus leaves a widget (a native date input has a stop per segment). */
async function tabOutOf(page: Page, field: string): Promise<void> {
  for (let i = 0; i < 4 && (await focusedField(page)) === field; i++) await page.keyboard.press("Tab");
  expect(await focusedField(page)).not.toBe(field);
}

/** The id at the end of the detail page's URL after a save. */
async function savedId(page: Page, collection: string): Promise<string> {
  await expect(page).toHaveURL(new RegExp(`/app/${collection}/[0-9a-f-]{36}$`));
  return page.url().split("/").pop()!;
}

test("a billing user creates a customer through the form, with an embedded address", async ({ page, login }) => {
  await signIn(page, login, "billing");
  await page.goto("/app/customers/new");
  const code = `cust${unique()}`;
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByLabel("Name", { exact: true }).fill("Hooli Inc.");
  await page.getByLabel("Email").fill("ap@hooli.test");
  await page.getByLabel("City").fill("Palo Alto");
  await page.getByLabel("Country").fill("US");
  await page.getByRole("button", { name: "Save" }).click();
  const id = await savedId(page, "customers");
  const record = await (await page.request.get(`/api/customers/${id}`)).json();
  expect(record).toMatchObject({ code, name: "Hooli Inc.", email: "ap@hooli.test", address: { city: "Palo Alto", country: "US" } });
});

test("an invoice is created with the keyboard alone, picking its customer in the combobox", async ({ page, login }) => {
  await signIn(page, login, "billing");
  await page.goto("/app/invoices/new");
  const number = `INV-2026-${unique()}`;
  await page.getByLabel("Number").focus();
  await page.keyboard.type(number);
  await page.keyboard.press("Tab");
  const combo = page.getByRole("combobox", { name: "Customer" });
  await expect(combo).toBeFocused();
  await page.keyboard.type("glob");
  const option = page.getByRole("option", { name: "Globex GmbH" });
  await expect(option).toBeVisible();
  await expect(combo).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("ArrowDown");
  await expect(option).toHaveAttribute("aria-selected", "true");
  await expect(combo).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id"))!);
  await page.keyboard.press("Enter");
  await expect(combo).toHaveValue("Globex GmbH");
  await expect(combo).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Issued on")).toBeFocused();
  await page.keyboard.type("03012026"); // mm dd yyyy segments of the native date input (en-US)
  await tabOutOf(page, "issued");
  await expect(page.getByLabel("Due on")).toBeFocused();
  await page.keyboard.type("03312026");
  await tabOutOf(page, "due");
  await expect(page.getByLabel("VAT rate (%)")).toBeFocused();
  await page.keyboard.type("7");
  await page.keyboard.press("Enter");
  const id = await savedId(page, "invoices");
  const invoice = await (await page.request.get(`/api/invoices/${id}?include=customer`)).json();
  expect(invoice).toMatchObject({ number, issued: "2026-03-01", due: "2026-03-31", taxRate: "7.00", status: "draft" });
  expect(invoice._included.customer.code).toBe("globex");
});

test("a server validation error shows on its field and in a focused summary that links to it", async ({ page, login }) => {
  await signIn(page, login, "billing");
  await page.goto("/app/invoices/new");
  await page.getByLabel("Number").fill(`INV-2026-${unique()}`);
  await page.getByRole("combobox", { name: "Customer" }).fill("Initech");
  await page.getByRole("option", { name: "Initech SARL" }).click();
  await page.getByLabel("Issued on").fill("2026-05-10");
  await page.getByLabel("Due on").fill("2026-05-01");
  await page.getByLabel("VAT rate (%)").fill("19");
  await page.getByRole("button", { name: "Save" }).click();
  const summary = page.locator("weave-form").getByRole("alert");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Please correct the highlighted fields.");
  await expect(summary).toContainText("The due date cannot be before the issue date.");
  const due = page.getByLabel("Due on");
  await expect(due).toHaveAttribute("aria-invalid", "true");
  await expect(due).toHaveAccessibleDescription(/The due date cannot be before the issue date/);
  await summary.getByRole("link", { name: /Due on/ }).press("Enter");
  await expect(due).toBeFocused();
  await expect(page).toHaveURL(/\/app\/invoices\/new$/);
  // Fixing the field clears its error.
  await due.fill("2026-06-01");
  await expect(due).toHaveAttribute("aria-invalid", "false");
});

test("client-side constraints are checked before anything is sent", async ({ page, login }) => {
  await signIn(page, login, "billing");
  await page.goto("/app/invoices/new");
  let posts = 0;
  page.on("request", (r) => void (r.method() === "POST" && r.url().endsWith("/api/invoices") && posts++));
  await page.getByLabel("Number").fill("not-a-number");
  await page.getByRole("button", { name: "Save" }).click();
  const summary = page.locator("weave-form").getByRole("alert");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Number: Please match the requested format.");
  await expect(summary).toContainText("Customer: Please fill out this field.");
  expect(posts).toBe(0);
});

test("an edit with a stale version shows the conflict, and Reload brings the other change", async ({ page, login }) => {
  await signIn(page, login, "billing");
  const list = await (await page.request.get("/api/customers?filter[code][eq]=umbrella")).json();
  const customer = list.data[0];
  await page.goto(`/app/customers/${customer.id}/edit`);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(customer.name);
  // Someone else saves first.
  const other = await page.request.patch(`/api/customers/${customer.id}`, { data: { name: "Umbrella Labs (renamed)" }, headers: { "if-match": `"${customer.version}"` } });
  expect(other.status()).toBe(200);
  await page.getByLabel("Name", { exact: true }).fill("Umbrella Labs Ltd");
  await page.getByRole("button", { name: "Save" }).click();
  const conflict = page.locator("weave-form").getByRole("alert");
  await expect(conflict).toContainText("Someone else changed this record");
  await expect(conflict).toBeFocused();
  await conflict.getByRole("button", { name: "Reload" }).click();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Umbrella Labs (renamed)");
  await page.getByLabel("Name", { exact: true }).fill("Umbrella Labs Ltd");
  await page.getByRole("button", { name: "Save" }).click();
  await savedId(page, "customers");
  // Only the changed field was sent, with the new version.
  expect((await (await page.request.get(`/api/customers/${customer.id}`)).json()).name).toBe("Umbrella Labs Ltd");
});

test("a viewer may not create, and sees an existing record's form with nothing to edit or save", async ({ page, login }) => {
  await signIn(page, login, "viewer");
  await page.goto("/app/customers/new");
  await expect(page.locator("weave-form").getByRole("alert")).toHaveText("You may not see this.");
  await expect(page.locator("weave-form").getByRole("textbox")).toHaveCount(0);
  const list = await (await page.request.get("/api/customers?filter[code][eq]=globex")).json();
  await page.goto(`/app/customers/${list.data[0].id}/edit`);
  await expect(page.getByLabel("Name", { exact: true })).toBeDisabled();
  await expect(page.getByText("You may not change this record.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
  // email is hidden from viewers by a field policy: it never appears.
  await expect(page.getByLabel("Email")).toHaveCount(0);
});

test("registerWidget replaces the money widget in a form", async ({ page, login, mountHtml }) => {
  await signIn(page, login, "billing");
  await mountHtml(page, "");
  await page.evaluate(async () => {
    const weave = (await import("/weave/weave.js" as string)) as { registerWidget: (type: string, tag: string) => void };
    class AcmeMoney extends HTMLElement {
      static formAssociated = true;
      value: unknown = null;
      connectedCallback() {
        this.innerHTML = `<label>Acme amount <input></label>`;
        this.querySelector("input")!.addEventListener("input", (e) => {
          this.value = (e.target as HTMLInputElement).value;
          this.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
        });
      }
    }
    customElements.define("acme-money", AcmeMoney);
    weave.registerWidget("money", "acme-money");
    document.body.innerHTML = `<weave-form entity="InvoiceLine"></weave-form>`;
  });
  const custom = page.locator("weave-form acme-money");
  await expect(custom).toHaveCount(1);
  await expect(custom).toHaveAttribute("name", "unitPrice");
  await expect(page.locator("weave-form weave-input-money")).toHaveCount(0);
});

test("a form outside the app fires weave-saved with the record, then weave-open; Cancel fires weave-cancel", async ({ page, login, mountHtml }) => {
  await signIn(page, login, "billing");
  await mountHtml(page, `<weave-form entity="customers"></weave-form>`);
  await page.evaluate(() => {
    const w = window as unknown as { seen: unknown[] };
    w.seen = [];
    for (const type of ["weave-saved", "weave-open", "weave-cancel"]) document.addEventListener(type, (e) => w.seen.push({ type, detail: (e as CustomEvent).detail }));
  });
  const code = `emb${unique()}`;
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByLabel("Name", { exact: true }).fill("Embedded Corp");
  await page.getByLabel("Email").fill("ap@embedded.test");
  await page.getByLabel("Email").press("Enter");
  await expect.poll(() => page.evaluate(() => (window as unknown as { seen: unknown[] }).seen.length)).toBe(2);
  const seen = (await page.evaluate(() => (window as unknown as { seen: { type: string; detail: Record<string, unknown> }[] }).seen));
  expect(seen[0]).toMatchObject({ type: "weave-saved", detail: { code, name: "Embedded Corp" } });
  expect(seen[1]).toMatchObject({ type: "weave-open", detail: { entity: "Customer", id: seen[0]!.detail.id, mode: "detail" } });
  await page.getByRole("button", { name: "Cancel" }).click();
  expect((await page.evaluate(() => (window as unknown as { seen: { type: string }[] }).seen)).map((s) => s.type)).toContain("weave-cancel");
});
