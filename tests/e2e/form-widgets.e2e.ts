/**
 * The field widgets as form-associated custom elements: inside a plain `<form>` with no weave
 * element around them they take part in validation, submission, reset and disabled fieldsets.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { signIn } from "./form-helpers.ts";

const PLAIN_FORM = `<form id="plain">
  <fieldset id="group">
    <weave-input-text name="code" label="Code" required pattern="[a-z]+" maxlength="8"></weave-input-text>
    <weave-input-number name="rate" label="Rate" min="0" max="100" scale="2"></weave-input-number>
    <weave-input-number name="count" label="Count" integer value="3"></weave-input-number>
    <weave-input-money name="price" label="Price" currency="EUR"></weave-input-money>
    <weave-input-date name="due" label="Due" value="2026-03-01"></weave-input-date>
    <weave-input-boolean name="active" label="Active" switch></weave-input-boolean>
    <weave-input-select name="size" label="Size"><option value="s">Small</option><option value="l">Large</option></weave-input-select>
    <weave-input-json name="extra" label="Extra"></weave-input-json>
  </fieldset>
  <button>Send</button>
</form>`;

/** Collects what the plain form submits (and stops the navigation). */
async function watchSubmissions(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { submitted: Record<string, FormDataEntryValue>[] };
    w.submitted = [];
    document.getElementById("plain")!.addEventListener("submit", (event) => {
      event.preventDefault();
      w.submitted.push(Object.fromEntries(new FormData(event.target as HTMLFormElement)));
    });
  });
}

const submissions = (page: Page) => page.evaluate(() => (window as unknown as { submitted: Record<string, string>[] }).submitted);

test("a required widget blocks a plain form's submit with the browser's message, and FormData carries the values", async ({ page, mountHtml }) => {
  await mountHtml(page, PLAIN_FORM);
  await watchSubmissions(page);
  await page.getByRole("button", { name: "Send" }).click();
  expect(await submissions(page)).toEqual([]);
  expect(await page.locator("weave-input-text").evaluate((el) => (el as HTMLElement & { validationMessage: string }).validationMessage)).toBe("Please fill out this field.");
  await expect(page.getByLabel("Code")).toBeFocused();

  await page.getByLabel("Code").fill("ABC");
  expect(await page.locator("weave-input-text").evaluate((el) => (el as HTMLElement & { validity: ValidityState }).validity.patternMismatch)).toBe(true);
  await page.getByLabel("Code").fill("acme");
  await page.getByLabel("Rate").fill("19.5");
  await page.getByLabel("Rate").blur();
  await expect(page.getByLabel("Rate")).toHaveValue("19.50");
  await page.getByLabel("Price").fill("1234567890123.45");
  await page.getByRole("switch", { name: "Active" }).check();
  await page.getByLabel("Size").selectOption("l");
  await page.getByLabel("Extra").fill('{"a": [1, 2]}');
  await page.getByRole("button", { name: "Send" }).click();
  expect(await submissions(page)).toEqual([{ code: "acme", rate: "19.50", count: "3", price: "1234567890123.45", due: "2026-03-01", active: "true", size: "l", extra: '{"a": [1, 2]}' }]);
});

test("numbers stay exact strings and report range, scale and bad input like native inputs", async ({ page, mountHtml }) => {
  await mountHtml(page, PLAIN_FORM);
  const rate = page.locator("weave-input-number").first();
  const state = () => rate.evaluate((el) => ({ value: (el as unknown as { value: unknown }).value, message: (el as unknown as { validationMessage: string }).validationMessage }));
  await page.getByLabel("Rate").fill("100.01");
  expect(await state()).toEqual({ value: "100.01", message: "Value must be less than or equal to 100." });
  await page.getByLabel("Rate").fill("1.234");
  expect((await state()).message).toBe("Please use at most 2 decimal places.");
  await page.getByLabel("Rate").fill("abc");
  expect((await state()).message).toBe("Please enter a number.");
  await page.getByLabel("Rate").fill("0.1");
  await page.getByLabel("Rate").press("Tab");
  expect(await state()).toEqual({ value: "0.10", message: "" });
  // The currency symbol is shown where the locale puts it.
  await expect(page.locator("weave-input-money").getByText("€")).toBeVisible();
});

test("a form reset restores the initial values and a disabled fieldset disables the widgets", async ({ page, mountHtml }) => {
  await mountHtml(page, PLAIN_FORM);
  await page.getByLabel("Count").fill("7");
  await page.getByLabel("Due").fill("2026-04-15");
  await page.evaluate(() => (document.getElementById("plain") as HTMLFormElement).reset());
  await expect(page.getByLabel("Count")).toHaveValue("3");
  await expect(page.getByLabel("Due")).toHaveValue("2026-03-01");
  await page.evaluate(() => ((document.getElementById("group") as HTMLFieldSetElement).disabled = true));
  await expect(page.getByLabel("Code")).toBeDisabled();
  await expect(page.getByLabel("Size")).toBeDisabled();
});

test("widgets fire bubbling, composed input and change events with the value set", async ({ page, mountHtml }) => {
  await mountHtml(page, PLAIN_FORM);
  await page.evaluate(() => {
    const w = window as unknown as { events: string[] };
    w.events = [];
    for (const type of ["input", "change"]) document.addEventListener(type, (e) => w.events.push(`${type}:${(e.target as HTMLElement).tagName.toLowerCase()}:${String((e.target as unknown as { value: unknown }).value)}`));
  });
  await page.getByLabel("Code").fill("ab");
  await page.getByLabel("Code").press("Tab");
  const events = await page.evaluate(() => (window as unknown as { events: string[] }).events);
  expect(events).toContain("input:weave-input-text:ab");
  expect(events).toContain("change:weave-input-text:ab");
  // One event per keystroke and commit: the inner input's own events do not leak out as well.
  expect(events.filter((e) => e.startsWith("input:weave-input-text")).length).toBe(1);
});

test("the JSON editor says when the text is not JSON", async ({ page, mountHtml }) => {
  await mountHtml(page, PLAIN_FORM);
  await page.getByLabel("Extra").fill("{not json");
  await expect(page.locator("weave-input-json").getByText("This is not valid JSON.")).toBeVisible();
  await expect(page.getByLabel("Extra")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Extra").fill("[1]");
  await expect(page.locator("weave-input-json").getByText("This is not valid JSON.")).toHaveCount(0);
});

test("a reference picker in a plain form: keyboard choice, Escape, the id submitted, a preset id shown by its title", async ({ page, login, mountHtml }) => {
  await signIn(page, login, "billing");
  const globex = (await (await page.request.get("/api/customers?filter[code][eq]=globex")).json()).data[0];
  await mountHtml(page, `<form id="plain"><weave-input-reference name="customer" label="Customer" to="Customer" required></weave-input-reference>
    <weave-input-reference name="other" label="Other" to="customers" value="${globex.id}"></weave-input-reference><button>Send</button></form>`);
  await watchSubmissions(page);
  await expect(page.getByRole("combobox", { name: "Other" })).toHaveValue("Globex GmbH");
  const combo = page.getByRole("combobox", { name: "Customer" });
  await combo.focus();
  await page.keyboard.press("ArrowDown"); // opens the list with the first records
  await expect(page.getByRole("listbox", { name: "Customer" })).toBeVisible();
  await expect(page.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Escape");
  await expect(combo).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.type("umbr");
  await expect(page.getByRole("option", { name: "Umbrella Labs" })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(combo).toHaveValue("Umbrella Labs");
  await page.keyboard.press("Enter"); // the list is closed: Enter submits, as in a native input
  const umbrella = (await (await page.request.get("/api/customers?filter[code][eq]=umbrella")).json()).data[0];
  expect(await submissions(page)).toEqual([{ customer: umbrella.id, other: globex.id }]);
});

test("a multi-reference adds chips with the combobox and removes them with their buttons", async ({ page, login, mountHtml }) => {
  await signIn(page, login, "billing");
  await mountHtml(page, `<form id="plain"><weave-input-references name="customers" label="Customers" to="Customer"></weave-input-references><button>Send</button></form>`);
  await watchSubmissions(page);
  const combo = page.getByRole("combobox", { name: "Customers" });
  for (const [typed, name] of [["glob", "Globex GmbH"], ["init", "Initech SARL"]] as const) {
    await combo.fill(typed);
    await expect(page.getByRole("option", { name })).toBeVisible();
    await combo.press("ArrowDown");
    await combo.press("Enter");
  }
  await expect(page.getByRole("button", { name: "Remove Globex GmbH" })).toBeVisible();
  // A chosen record is not offered again.
  await combo.fill("glob");
  await expect(page.getByText("No matches.").first()).toBeVisible();
  await combo.press("Escape");
  await page.getByRole("button", { name: "Remove Globex GmbH" }).click();
  await expect(page.getByRole("button", { name: "Remove Globex GmbH" })).toHaveCount(0);
  const value = await page.locator("weave-input-references").evaluate((el) => (el as unknown as { value: string[] }).value);
  expect(value).toHaveLength(1);
  await page.getByRole("button", { name: "Send" }).click();
  expect(await page.evaluate(() => (window as unknown as { submitted: unknown[] }).submitted)).toEqual([{ customers: value[0] }]);
});

test("an embedded array editor adds and removes rows of nested widgets and is invalid while a nested field is", async ({ page, mountHtml }) => {
  await mountHtml(page, `<form id="plain"><weave-input-embedded name="items" id="items"></weave-input-embedded><button>Send</button></form>`);
  await page.evaluate(() => {
    const el = document.getElementById("items") as unknown as { field: unknown };
    el.field = { name: "items", label: "Items", type: "embedded", required: false, readonly: false, array: true, fields: [
      { name: "sku", label: "SKU", type: "string", required: true, readonly: false },
      { name: "qty", label: "Qty", type: "int", required: false, readonly: false, min: 1 },
    ] };
  });
  await watchSubmissions(page);
  await page.getByRole("button", { name: "Add: Items" }).click();
  await expect(page.getByLabel("SKU")).toBeFocused();
  await page.getByRole("button", { name: "Send" }).click();
  expect(await submissions(page)).toEqual([]);
  await page.getByLabel("SKU").fill("A-1");
  await page.getByLabel("Qty").fill("2");
  await page.getByRole("button", { name: "Add: Items" }).click();
  await page.getByLabel("SKU").nth(1).fill("B-2");
  await page.getByRole("button", { name: "Remove Row 1" }).click();
  await page.getByRole("button", { name: "Send" }).click();
  expect(await submissions(page)).toEqual([{ items: JSON.stringify([{ sku: "B-2" }]) }]);
});

test("rich text is sanitized when shown and when set, and the toolbar formats", async ({ page, mountHtml }) => {
  // An optional widget: a page that uses it directly loads /weave/extras.js (forms load it themselves).
  await mountHtml(page, `<script type="module" src="/weave/extras.js"></script><weave-input-richtext name="body" label="Body"></weave-input-richtext>`);
  await page.waitForFunction(() => customElements.get("weave-input-richtext") !== undefined);
  const widget = page.locator("weave-input-richtext");
  await widget.evaluate((el) => ((el as unknown as { value: string }).value = `<p onclick="steal()">Hi <img src="x" onerror="steal()"><script>steal()</script><a href="javascript:steal()">link</a></p>`));
  const editor = page.getByRole("textbox", { name: "Body" });
  await expect(editor).toContainText("Hi");
  const shown = await editor.innerHTML();
  expect(shown).not.toMatch(/onclick|onerror|<script|<img|javascript:/);
  await editor.click();
  await page.keyboard.press("End");
  await page.keyboard.type(" there");
  await page.keyboard.press("Shift+Home");
  await page.getByRole("button", { name: "Bold" }).click();
  const value = await widget.evaluate((el) => (el as unknown as { value: string }).value);
  expect(value).toMatch(/<(b|strong)>/);
  expect(value).not.toMatch(/onclick|onerror|<script|javascript:/);
});

test("a file widget refuses a file the field does not take before uploading, and shows a refused upload", async ({ page, login, mountHtml }) => {
  await signIn(page, login, "billing");
  await mountHtml(page, `<weave-input-file name="logo" id="logo" upload-for="Customer.name"></weave-input-file>`);
  await page.evaluate(() => {
    (document.getElementById("logo") as unknown as { field: unknown }).field = { name: "logo", label: "Logo", type: "file", required: false, readonly: false, accept: ["image/*"], maxSize: 100 };
  });
  const input = page.getByLabel("Logo");
  await input.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
  await expect(page.getByText("This type of file is not accepted.")).toBeVisible();
  await input.setInputFiles({ name: "big.png", mimeType: "image/png", buffer: Buffer.alloc(500) });
  await expect(page.getByText("This file is larger than 100 bytes.")).toBeVisible();
  // The server has the last word: Customer.name is no file field.
  await input.setInputFiles({ name: "small.png", mimeType: "image/png", buffer: Buffer.alloc(50) });
  await expect(page.locator("weave-input-file .error").filter({ hasText: "The upload failed" })).toContainText("not a file field");
  expect(await page.locator("weave-input-file").evaluate((el) => (el as unknown as { validity: ValidityState }).validity.valid)).toBe(false);
});

test.describe("in German, in Berlin", () => {
  test.use({ locale: "de-DE", timezoneId: "Europe/Berlin" });

  test("amounts are typed with a decimal comma and the euro sign after them; datetimes are local; messages are German", async ({ page, mountHtml }) => {
    await mountHtml(page, `<form id="plain">
      <weave-input-money name="price" label="Preis" currency="EUR" value="1234.50"></weave-input-money>
      <weave-input-date name="at" label="Zeitpunkt" kind="datetime" value="2026-01-31T09:30:00.000Z"></weave-input-date>
      <weave-input-text name="code" label="Code" required></weave-input-text>
    </form>`);
    const price = page.getByLabel("Preis");
    await expect(price).toHaveValue("1234,50");
    const affix = await page.locator("weave-input-money").evaluate((el) => [...el.shadowRoot!.querySelector(".affix")!.children].map((c) => c.getAttribute("part")));
    expect(affix.slice(0, 2)).toEqual(["input", "currency"]);
    await price.fill("1.999,5");
    await price.press("Tab");
    await expect(price).toHaveValue("1999,50");
    expect(await page.locator("weave-input-money").evaluate((el) => (el as unknown as { value: string }).value)).toBe("1999.50");

    const at = page.getByLabel("Zeitpunkt");
    await expect(at).toHaveValue("2026-01-31T10:30");
    await at.fill("2026-07-01T12:00");
    expect(await page.locator("weave-input-date").evaluate((el) => (el as unknown as { value: string }).value)).toBe("2026-07-01T10:00:00.000Z");

    expect(await page.locator("weave-input-text").evaluate((el) => (el as unknown as { validationMessage: string }).validationMessage)).toBe("Bitte füllen Sie dieses Feld aus.");
  });
});
