/**
 * The views in the browser: `<weave-list>` (filters, sort, paging, the keyboard grid, selection),
 * `<weave-detail>` with `<weave-actions>` (send and pay with the buttons, a guard's refusal,
 * delete, history), what a viewer does not see, and `<weave-kanban>` (drag refused and allowed,
 * the keyboard menu). Each test makes its own customer and invoices through the API, so it never
 * depends on what other tests left behind.
 */
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
let serial = Math.floor(Math.random() * 900_000);
const invoiceNumber = () => `INV-2099-${String(100_000 + ++serial).padStart(6, "0")}`;

interface Made {
  id: string;
  version: number;
  [field: string]: unknown;
}

async function post(request: APIRequestContext, path: string, data: Record<string, unknown>): Promise<Made> {
  const response = await request.post(path, { data });
  expect(response.status(), `POST ${path}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as Made;
}

const newCustomer = (page: Page, name = "Views Test Ltd") => post(page.request, "/api/customers", { code: `v-${unique()}`, name, email: "ap@views.test" });

async function newInvoice(page: Page, customer: string, fields: { due?: string; issued?: string; lines?: number } = {}): Promise<Made> {
  const invoice = await post(page.request, "/api/invoices", { number: invoiceNumber(), customer, issued: fields.issued ?? "2025-12-01", ...(fields.due ? { due: fields.due } : {}) });
  for (let i = 1; i <= (fields.lines ?? 0); i++) await post(page.request, "/api/invoice-lines", { invoice: invoice.id, position: i, description: `Work ${i}`, quantity: 1, unitPrice: "100.00" });
  return invoice;
}

/** The rows of the first grid on the page, as the text of their cells. */
const grid = (page: Page) => page.getByRole("grid").first();
const dataRows = (page: Page) => grid(page).locator("tbody tr");

test.describe("weave-list", () => {
  test("filters by a select, sorts by a header, and pages with a small page size", async ({ page, login, mountHtml }) => {
    await login(page, "billing");
    const customer = await newCustomer(page);
    const dues = ["2026-03-05", "2026-01-05", "2026-05-05", "2026-02-05", "2026-04-05"];
    const made = [];
    for (const due of dues) made.push(await newInvoice(page, customer.id, { due, lines: 1 }));
    // One of them is sent, so the status filter has something to tell apart.
    await page.request.post(`/api/invoices/${made[0]!.id}/transitions/send`, { data: {} });

    await page.goto("/app/invoices");
    await expect(grid(page)).toBeVisible();
    await page.getByLabel("Status").selectOption("sent");
    await expect.poll(async () => [...new Set(await grid(page).locator("tbody .badge").allTextContents())]).toEqual(["Sent"]);

    // The customer filter (a select of customers) narrows the list to this test's invoices.
    await page.getByLabel("Status").selectOption("");
    await page.getByLabel("Customer").selectOption(customer.id);
    await expect(page.getByText("5 records")).toBeVisible();

    const dueHeader = grid(page).getByRole("columnheader", { name: "Due on" });
    await dueHeader.getByRole("button").click();
    await expect(dueHeader).toHaveAttribute("aria-sort", "ascending");
    await expect(dataRows(page).locator("td:nth-child(5)")).toHaveText(["Jan 5, 2026", "Feb 5, 2026", "Mar 5, 2026", "Apr 5, 2026", "May 5, 2026"]);
    await dueHeader.getByRole("button").click();
    await expect(dueHeader).toHaveAttribute("aria-sort", "descending");
    await expect(dataRows(page).first().locator("td:nth-child(5)")).toHaveText("May 5, 2026");

    // Paging: an embedding page shows this customer's invoices two at a time.
    await mountHtml(page, `<weave-list id="paged" entity="invoices" page-size="2" sort="due" filter-customer="${customer.id}"></weave-list>`);
    const paged = page.locator("#paged");
    await expect(paged.getByText("5 records")).toBeVisible();
    await expect(paged.locator("tbody tr")).toHaveCount(2);
    await expect(paged.locator("tbody tr td:nth-child(5)")).toHaveText(["Jan 5, 2026", "Feb 5, 2026"]);
    await paged.getByRole("button", { name: "Next page" }).click();
    await expect(paged.locator("tbody tr td:nth-child(5)")).toHaveText(["Mar 5, 2026", "Apr 5, 2026"]);
    await paged.getByRole("button", { name: "Next page" }).click();
    await expect(paged.locator("tbody tr td:nth-child(5)")).toHaveText(["May 5, 2026"]);
    await expect(paged.getByRole("button", { name: "Next page" })).toBeDisabled();
    await paged.getByRole("button", { name: "Previous page" }).click();
    await expect(paged.locator("tbody tr td:nth-child(5)")).toHaveText(["Mar 5, 2026", "Apr 5, 2026"]);
  });

  test("the grid is navigable by keyboard: arrows, Home, End, Space selects, Enter opens", async ({ page, login, mountHtml }) => {
    await login(page, "billing");
    const customer = await newCustomer(page);
    const first = await newInvoice(page, customer.id, { due: "2026-02-01" });
    await newInvoice(page, customer.id, { due: "2026-03-01" });
    await newInvoice(page, customer.id, { due: "2026-04-01" });
    await mountHtml(page, `<weave-list entity="invoice" sort="due" filter-customer="${customer.id}"></weave-list>`);
    await page.evaluate(() => {
      const w = window as unknown as { events: unknown[] };
      w.events = [];
      for (const type of ["weave-open", "weave-selection-change"]) document.addEventListener(type, (e) => w.events.push({ type, detail: (e as CustomEvent).detail }));
    });
    await expect(page.locator("weave-list tbody tr")).toHaveCount(3);

    // One Tab stop in the whole grid (roving tabindex): the first record's title link.
    const tabStops = () => page.locator("weave-list").evaluate((list) => [...list.shadowRoot!.querySelectorAll("table [tabindex='0']")].length);
    expect(await tabStops()).toBe(1);
    await page.locator("weave-list").getByRole("searchbox").focus();
    while (!(await page.locator("weave-list table a[tabindex='0']").evaluate((a) => a.matches(":focus")))) await page.keyboard.press("Tab");
    const focused = () => page.evaluate(() => {
      const list = document.querySelector("weave-list")!;
      const el = list.shadowRoot!.activeElement as HTMLElement | null;
      const cell = el?.closest("td, th") as HTMLTableCellElement | null;
      return cell ? { row: (cell.parentElement as HTMLTableRowElement).rowIndex, col: cell.cellIndex, text: el!.textContent!.trim() } : null;
    });
    expect(await focused()).toEqual({ row: 1, col: 1, text: first.number });
    await page.keyboard.press("ArrowRight");
    expect((await focused())?.col).toBe(2);
    await page.keyboard.press("End");
    expect((await focused())?.col).toBe(6);
    await page.keyboard.press("ArrowDown");
    expect(await focused()).toMatchObject({ row: 2, col: 6 });
    await page.keyboard.press("Home");
    expect(await focused()).toMatchObject({ row: 2, col: 0 });
    await page.keyboard.press("PageDown");
    expect(await focused()).toMatchObject({ row: 3, col: 0 });
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press(" ");
    await expect(page.locator("weave-list tbody tr").nth(1)).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Control+Home");
    expect(await focused()).toMatchObject({ row: 0, col: 0 });
    await page.keyboard.press(" "); // the header's checkbox selects the whole page
    await expect(page.locator('weave-list tbody tr[aria-selected="true"]')).toHaveCount(3);
    await expect(page.locator("weave-list").getByText("3 selected")).toBeVisible();

    // Focus moved, and the grid still has one Tab stop: the focused cell.
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    expect(await focused()).toMatchObject({ row: 1, col: 2 });
    expect(await tabStops()).toBe(1);
    await page.keyboard.press("Enter");
    const events = (await page.evaluate(() => (window as unknown as { events: { type: string; detail: { ids?: string[]; id?: string; mode?: string } }[] }).events));
    expect(events.filter((e) => e.type === "weave-selection-change").at(-1)?.detail.ids).toHaveLength(3);
    expect(events.filter((e) => e.type === "weave-open")).toEqual([{ type: "weave-open", detail: { entity: "Invoice", id: first.id, mode: "detail" } }]);
  });

  test("a long list renders only the rows on screen, keeps its columns aligned, and the keyboard reaches every row", async ({ page, login, mountHtml }) => {
    await login(page, "billing");
    // Narrow, so the columns have no room to spare beyond their estimated widths.
    await page.setViewportSize({ width: 600, height: 600 });
    await mountHtml(page, `<weave-list id="long" entity="invoice" columns="number,issued,total,status"></weave-list>`);
    await expect(page.locator("#long").getByRole("grid")).toBeVisible();
    await page.locator("#long").evaluate((list: HTMLElement & { records?: unknown }) => {
      list.records = Array.from({ length: 2000 }, (_, i) => ({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
        // The widest number is far down the list: its column must still fit it.
        number: i === 1500 ? `INV-2026-${String(i).padStart(5, "0")}-CORRECTED-COPY` : `INV-2026-${String(i).padStart(5, "0")}`,
        issued: "2026-09-01",
        total: `${(i * 13.37).toFixed(2)}`,
        status: ["draft", "sent", "paid", "void"][i % 4],
        _can: { update: true, delete: false, transitions: {}, actions: {}, fields: [] },
      }));
    });
    const grid = page.locator("#long").getByRole("grid");
    await expect(grid).toHaveAttribute("aria-rowcount", "2001");
    await expect(page.locator("#long tbody tr")).toHaveCount(2000);
    await expect(page.locator("#long tbody tr").last()).toHaveAttribute("aria-rowindex", "2001");
    // Rows far off screen are in the DOM (and the accessibility tree) but their cells skip rendering.
    const rendered = (index: number) => page.locator("#long").evaluate((list, i) => list.shadowRoot!.querySelectorAll("tbody tr")[i]!.querySelector("td")!.checkVisibility({ contentVisibilityAuto: true }), index);
    expect(await rendered(0)).toBe(true);
    expect(await rendered(1999)).toBe(false);

    // The keyboard reaches the last row; focus brings it on screen.
    await page.locator("#long table a[tabindex='0']").focus();
    await page.keyboard.press("Control+End");
    const focusedRow = page.locator("#long tbody tr:focus-within");
    await expect(focusedRow).toHaveAttribute("aria-rowindex", "2001");
    await expect(focusedRow).toBeInViewport();
    await page.keyboard.press("PageUp");
    await expect(focusedRow).toHaveAttribute("aria-rowindex", "1991");

    // The wide number far down the list fits its column, and every row's cells line up with the header.
    const row1500 = page.locator("#long tbody tr").nth(1500);
    await row1500.scrollIntoViewIfNeeded();
    const fits = await row1500.locator("td").evaluateAll((cells) => cells.every((c) => c.scrollWidth <= c.clientWidth));
    expect(fits).toBe(true);
    const lefts = (row: Locator) => row.locator("th, td").evaluateAll((cells) => cells.map((c) => Math.round(c.getBoundingClientRect().left)));
    expect(await lefts(row1500)).toEqual(await lefts(page.locator("#long thead tr")));
  });

  test("a new invoice made elsewhere appears without a reload", async ({ page, login, mountHtml }) => {
    await login(page, "billing");
    const customer = await newCustomer(page);
    await newInvoice(page, customer.id);
    await mountHtml(page, `<weave-list id="live" entity="invoice" filter-customer="${customer.id}"></weave-list>`);
    await expect(page.locator("#live tbody tr")).toHaveCount(1);
    await newInvoice(page, customer.id);
    await expect(page.locator("#live tbody tr")).toHaveCount(2);
  });
});

test.describe("weave-detail and weave-actions", () => {
  test("billing sends and pays an invoice with the buttons; a guard's refusal is an alert", async ({ page, login }) => {
    await login(page, "billing");
    const customer = await newCustomer(page);
    const bare = await newInvoice(page, customer.id);
    await page.goto(`/app/invoices/${bare.id}`);
    await expect(page.getByRole("heading", { level: 2, name: bare.number as string })).toBeVisible();
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "did not work" })).toBeVisible();
    await expect(page.locator("weave-detail [data-field=status] .badge")).toHaveText("Draft");

    const invoice = await newInvoice(page, customer.id, { due: "2026-02-10", lines: 2 });
    await page.goto(`/app/invoices/${invoice.id}`);
    await expect(page.locator("weave-detail [data-field=total]")).toContainText("238.00");
    await expect(page.getByRole("button", { name: "Mark paid" })).toHaveCount(0);
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.locator("weave-detail [data-field=status] .badge")).toHaveText("Sent");
    await expect(page.getByRole("button", { name: "Send" })).toHaveCount(0);

    await post(page.request, "/api/payments", { invoice: invoice.id, amount: "238.00", paidOn: "2026-02-01", method: "bank" });
    await page.getByRole("button", { name: "Mark paid" }).click();
    await expect(page.locator("weave-detail [data-field=status] .badge")).toHaveText("Paid");
    await expect(page.locator("weave-detail [data-field=paidAt]")).not.toContainText("—");
    await expect(page.locator("weave-actions").getByRole("button", { name: "Mark paid" })).toHaveCount(0);

    // The related lists are tabs; arrow keys move between them.
    await page.getByRole("tab", { name: "Lines" }).click();
    await expect(page.getByRole("tabpanel").locator("tbody tr")).toHaveCount(2);
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("tab", { name: "Payments" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("tab", { name: "Payments" })).toBeFocused();
    await expect(page.getByRole("tabpanel").locator("tbody tr")).toHaveCount(1);
    // History is for admins: billing gets a note, not an error.
    await page.keyboard.press("End");
    await expect(page.getByRole("tabpanel")).toContainText("Only administrators");
  });

  test("an admin sees the history and deletes a draft after confirming", async ({ page, login }) => {
    await login(page, "admin");
    const customer = await newCustomer(page);
    const invoice = await newInvoice(page, customer.id);
    await page.goto(`/app/invoices/${invoice.id}`);
    await page.getByRole("tab", { name: "History" }).click();
    await expect(page.getByRole("tabpanel").getByText("Created")).toBeVisible();
    await page.getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText("cannot be undone");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole("button", { name: "Delete" }).click();
    await dialog.getByRole("button", { name: "Delete" }).click();
    // The app shell takes the user back to the list: the record's page is gone.
    await expect(page).toHaveURL(/\/app\/invoices$/);
    await expect(page.getByRole("heading", { level: 1, name: "Invoices" })).toBeFocused();
    expect((await page.request.get(`/api/invoices/${invoice.id}`)).status()).toBe(404);
  });

  test("a collection action with input opens a dialog form", async ({ page, login }) => {
    await login(page, "billing");
    await page.goto("/app/invoices");
    await page.getByRole("button", { name: "Remind overdue" }).click();
    const dialog = page.getByRole("dialog", { name: "Remind overdue" });
    await expect(dialog.getByLabel("Overdue for at least (days)")).toHaveValue("7");
    await dialog.getByRole("button", { name: "Run" }).click();
    await expect(dialog).toBeHidden();
  });
});

test.describe("a viewer", () => {
  test("sees no edit, delete or transition buttons, and no hidden fields", async ({ page, login }) => {
    await login(page, "viewer");
    const list = await (await page.request.get("/api/invoices?filter[status][eq]=draft&page[size]=1")).json();
    const draft = list.data[0] as Made;
    await page.goto(`/app/invoices/${draft.id}`);
    await expect(page.getByRole("heading", { level: 2, name: draft.number as string })).toBeVisible();
    await expect(page.locator("weave-detail [data-field=status] .badge")).toHaveText("Draft");
    for (const name of ["Edit", "Delete", "Send", "Void", "Duplicate"]) await expect(page.getByRole("button", { name })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);

    await page.goto("/app/invoices");
    await expect(grid(page).locator("tbody tr").first()).toBeVisible();
    await expect(page.getByRole("link", { name: "New" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Remind overdue" })).toHaveCount(0);

    // Customer emails are hidden from viewers (policies.fields.email.read: $isBilling).
    await page.goto("/app/customers");
    await expect(grid(page).getByRole("columnheader", { name: "Name" })).toBeVisible();
    await expect(grid(page).getByRole("columnheader", { name: "Email" })).toHaveCount(0);
    await expect(page.getByText("accounts@globex.test")).toHaveCount(0);
    await grid(page).getByRole("link", { name: "Globex GmbH" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Globex GmbH" })).toBeVisible();
    await expect(page.locator("weave-detail [data-field=vatId]")).toBeVisible();
    await expect(page.locator("weave-detail [data-field=email]")).toHaveCount(0);
    await expect(page.getByText("accounts@globex.test")).toHaveCount(0);
  });
});

test.describe("weave-kanban", () => {
  test("a drag without a transition is refused and the card stays; an allowed one runs the transition", async ({ page, login, mountHtml }) => {
    await login(page, "billing");
    const customer = await newCustomer(page, "Kanban Co");
    const invoice = await newInvoice(page, customer.id, { due: "2026-02-10", lines: 1 });
    await mountHtml(page, `<weave-kanban entity="invoice" filter-customer="${customer.id}"></weave-kanban>`);
    const column = (state: string) => page.locator(`weave-kanban section[data-state=${state}]`);
    const card = page.locator(`weave-kanban li[data-id="${invoice.id}"]`);
    await expect(column("draft").locator(`li[data-id="${invoice.id}"]`)).toBeVisible();
    await expect(card).toContainText("Kanban Co");

    await card.dragTo(column("paid"));
    await expect(page.locator("weave-kanban").getByRole("alert")).toHaveText("This move is not allowed.");
    await expect(column("draft").locator(`li[data-id="${invoice.id}"]`)).toBeVisible();

    // Void needs an admin: _can says no for billing, so the board refuses before asking.
    await card.dragTo(column("void"));
    await expect(page.locator("weave-kanban").getByRole("alert")).toHaveText("This move is not allowed.");

    await card.dragTo(column("sent"));
    await expect(column("sent").locator(`li[data-id="${invoice.id}"]`)).toBeVisible();
    expect(((await (await page.request.get(`/api/invoices/${invoice.id}`)).json()) as Made).status).toBe("sent");
  });

  test("a card moves with the keyboard through its Move to menu", async ({ page, login, mountHtml }) => {
    await login(page, "billing");
    const customer = await newCustomer(page, "Kanban Keys Co");
    const invoice = await newInvoice(page, customer.id, { due: "2026-02-10", lines: 1 });
    await mountHtml(page, `<weave-kanban entity="invoice" filter-customer="${customer.id}"></weave-kanban>`);
    const card = page.locator(`weave-kanban li[data-id="${invoice.id}"]`);
    await card.getByRole("button", { name: /Move to/ }).focus();
    await page.keyboard.press("Enter");
    const menu = page.locator("weave-kanban").getByRole("menu");
    await expect(menu.getByRole("menuitem")).toHaveText(["Sent"]);
    await expect(menu.getByRole("menuitem", { name: "Sent" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator(`weave-kanban section[data-state=sent] li[data-id="${invoice.id}"]`)).toBeVisible();
    await expect(page.locator("weave-kanban").getByRole("status")).toHaveText("Moved to Sent.");
  });
});

test("a list asks an anonymous visitor to sign in", async ({ page, mountHtml }) => {
  await mountHtml(page, `<weave-list entity="invoice"></weave-list>`);
  await expect(page.locator("weave-list").getByRole("alert")).toHaveText("Sign in to continue.");
});
