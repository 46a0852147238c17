/**
 * The Model Studio in the browser, on its own `weave dev` (own temp copy of the invoicing example,
 * own port), so the other browser tests' server is never edited: add an entity with two fields and
 * a relation, add a state machine transition with live guard diagnostics, check the YAML written
 * (comments kept), and see the new entity's list in the app after the hot reload.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { repoRoot } from "../runtime/ops/weave-process.ts";
import { expect, test, USERS } from "./fixtures.ts";
import { ownDevServer } from "./own-dev-server.ts";

/** The diagram's box of an entity. */
const box = (page: Page, entity: string) => page.locator("button.entity").filter({ has: page.locator("strong", { hasText: new RegExp(`^${entity}$`) }) });

const own = ownDevServer("studio");

test("model an entity, a relation and a transition in the Studio, then use the new list", async ({ page }) => {
  test.setTimeout(120_000);
  const { url, dir } = own();
  await page.goto(`${url}/app/_studio`);

  // An entity with two fields and a relation.
  await page.getByRole("button", { name: "Add entity" }).click();
  const addEntity = page.getByRole("form", { name: "Add entity" });
  await addEntity.getByLabel("Entity name").fill("Project");
  await addEntity.getByLabel("Field name").fill("title");
  await addEntity.getByLabel("Read policy").fill("$member");
  await addEntity.getByLabel("Write policy").fill("$isBilling");
  await addEntity.getByRole("button", { name: "Create" }).click();
  // Written: the new entity is in the diagram, its panel opens, the diff shows the new file.
  await expect(page.getByRole("heading", { name: "Project domain/project.entity.yaml:2" })).toBeVisible();
  await expect(page.locator("pre.diff")).toContainText("+++ b/domain/project.entity.yaml");

  const addField = page.getByRole("form", { name: "Add field" });
  await addField.getByLabel("Field name").fill("due");
  await addField.getByLabel("Type").selectOption("date");
  await addField.getByRole("button", { name: "Add field" }).click();
  await expect(addField.getByText("Written to domain/project.entity.yaml.")).toBeVisible();

  const relation = page.getByRole("form", { name: "Add relation" });
  await relation.getByLabel("Field name").fill("customer");
  await relation.getByLabel("Target entity").selectOption("Customer");
  await relation.getByLabel("Required").check();
  await relation.getByLabel(/Field on the target/).fill("projects");
  await relation.getByRole("button", { name: "Add relation" }).click();
  await expect(relation.getByText(/Written to .*project\.entity\.yaml/)).toBeVisible();
  await expect(box(page, "Project")).toContainText("customer");

  // A transition, its guard checked while typing.
  await box(page, "Invoice").click();
  const transition = page.getByRole("form", { name: "Add transition lifecycle" });
  await transition.getByLabel("Transition name").fill("reopen");
  await transition.getByLabel("From (comma separated)").fill("void");
  await transition.getByLabel("To", { exact: true }).fill("draft");
  const guard = transition.getByLabel("Guard");
  await guard.fill("size(lines) >");
  await expect(transition.locator(".live")).toContainText("WV4");
  await expect(guard).toHaveAttribute("aria-invalid", "true");
  await guard.fill("size(lines) > 0");
  await expect(transition.locator(".live")).toContainText("No problems.");
  await transition.getByLabel("Allow").fill("$isAdmin");
  await transition.getByRole("button", { name: "Add transition" }).click();
  await expect(transition.getByText("Written to domain/invoice.entity.yaml.")).toBeVisible();
  await expect(page.locator("pre.diff")).toContainText('+        guard: "size(lines) > 0"');

  // The files, as a careful person would write them: comments and order kept.
  expect(readFileSync(join(dir, "domain/project.entity.yaml"), "utf8")).toBe(`# yaml-language-server: $schema=../../../schema/entity.schema.json
entity: Project
tenant: true

fields:
  title: { type: string, required: true }
  due: { type: date }
  customer: { type: ref, to: Customer, required: true }

policies:
  read: "$member"
  write: "$isBilling"
`);
  const invoice = readFileSync(join(dir, "domain/invoice.entity.yaml"), "utf8");
  const original = readFileSync(join(repoRoot, "examples/invoicing/domain/invoice.entity.yaml"), "utf8");
  expect(invoice).toBe(
    original.replace(
      "          - emit: invoiceVoided\n",
      '          - emit: invoiceVoided\n      reopen:\n        from: void\n        to: draft\n        guard: "size(lines) > 0"\n        allow: "$isAdmin"\n',
    ),
  );
  expect(readFileSync(join(dir, "domain/customer.entity.yaml"), "utf8")).toContain("    inverse: customer\n  projects:\n    type: many\n    to: Project\n    inverse: customer\n");

  // Removals ask first, showing the diff; one the compiler refuses cannot be confirmed.
  await box(page, "Customer").click();
  await page.getByRole("button", { name: "Remove entity" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove Customer?" });
  await expect(dialog).toContainText("The compiler refuses this change");
  await expect(dialog.getByRole("button", { name: "Remove", exact: true })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  expect(readFileSync(join(dir, "domain/customer.entity.yaml"), "utf8")).toContain("entity: Customer");

  // A transition, by keyboard: the button, then the dialog's Remove.
  await box(page, "Invoice").click();
  await page.getByRole("button", { name: "Remove lifecycle.reopen" }).focus();
  await page.keyboard.press("Enter");
  const removeTransition = page.getByRole("dialog", { name: "Remove lifecycle.reopen?" });
  await expect(removeTransition.locator("pre.diff")).toContainText("-      reopen:");
  await removeTransition.getByRole("button", { name: "Remove", exact: true }).press("Enter");
  await expect(page.locator("#remove-outcome")).toHaveText("Written to domain/invoice.entity.yaml.");
  await expect(page.locator("pre.diff").first()).toContainText('-        guard: "size(lines) > 0"');

  // A field of the new entity.
  await box(page, "Project").click();
  await page.getByRole("button", { name: "Remove due" }).click();
  const removeField = page.getByRole("dialog", { name: "Remove Project.due?" });
  await expect(removeField.locator("pre.diff")).toContainText("-  due: { type: date }");
  await expect(removeField.getByLabel(/Raise the version of Project/)).toBeChecked();
  await expect(removeField.locator("pre.diff")).toContainText("+version: 2");
  await removeField.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(page.locator("#remove-outcome")).toHaveText("Written to domain/project.entity.yaml.");
  await expect(box(page, "Project")).not.toContainText("due");
  // The raised version lets weave dev drop the column: the served API no longer has the field.
  const projectFields = async () => Object.keys(((await (await page.request.get(`${url}/api/openapi.json`)).json()) as any).components.schemas.Project.properties);
  await expect.poll(projectFields, { timeout: 20_000 }).not.toContain("due");

  // On disk: the invoice file is the example's again, byte for byte; the project lost one line.
  expect(readFileSync(join(dir, "domain/invoice.entity.yaml"), "utf8")).toBe(original);
  expect(readFileSync(join(dir, "domain/project.entity.yaml"), "utf8")).toBe(`# yaml-language-server: $schema=../../../schema/entity.schema.json
entity: Project
version: 2
tenant: true

fields:
  title: { type: string, required: true }
  customer: { type: ref, to: Customer, required: true }

policies:
  read: "$member"
  write: "$isBilling"
`);

  // What made this? An operation id leads to its transition, linked to the file in the editor.
  const made = page.getByRole("search", { name: "What made this?" });
  await made.getByLabel(/A generated element/).fill("sendInvoice");
  await made.getByRole("button", { name: "Find" }).click();
  const link = page.getByRole("link", { name: /^Open domain\/invoice\.entity\.yaml:\d+:7 in the editor$/ });
  await expect(link).toHaveAttribute("href", new RegExp(`^vscode://file${dir}/domain/invoice\\.entity\\.yaml:\\d+:7$`));
  await expect(page.locator(".made")).toContainText("operation sendInvoice made by transition Invoice.lifecycle.send");

  // The hot-reloaded app lists projects.
  const login = await page.request.post(`${url}/api/auth/login`, { data: USERS.billing });
  expect(login.status()).toBe(200);
  await expect.poll(async () => (await page.request.get(`${url}/api/projects`)).status(), { timeout: 20_000 }).toBe(200);
  await page.goto(`${url}/app/projects`);
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
  await expect(page.locator("weave-list")).toBeVisible();
});
