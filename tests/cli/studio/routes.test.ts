/**
 * The Studio's HTTP side: in process on an Elysia app with weave's problem renderer (reads, edits,
 * refusals, the same-origin rule), and once in a real `weave dev` whose watcher serves the edit.
 */
import { afterAll, afterEach, beforeEach, describe, expect, test } from "bun:test";
import { Elysia } from "elysia";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createStudio, registerStudioRoutes } from "../../../cli/studio/routes.ts";
import { problemResponse } from "../../../runtime/server/errors.ts";
import { startWeave, type WeaveProcess } from "../../runtime/ops/weave-process.ts";
import { cleanApp, tempApps } from "../temp-app.ts";

const invoiceApp = {
  ...cleanApp,
  "domain/invoice.entity.yaml": `{schema:entity}
entity: Invoice
fields:
  # The invoice number.
  number: { type: string, required: true }
  status: { type: state, machine: lifecycle }
states:
  lifecycle:
    initial: draft
    transitions:
      send: { from: draft, to: sent }
policies:
  read: "true"
`,
};

function studioApp(dir: string) {
  const app = new Elysia().onError(({ error, request }) => problemResponse(error, "test", new URL(request.url).pathname, false));
  registerStudioRoutes(app, createStudio(dir));
  return app;
}

const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request("http://localhost/weave/studio/edit", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

describe("studio routes in process", () => {
  let apps: ReturnType<typeof tempApps>;
  let app: ReturnType<typeof studioApp>;
  const dir = () => join(apps.dir, "app");
  const read = (path: string) => readFileSync(join(dir(), path), "utf8");
  beforeEach(() => {
    apps = tempApps({ app: invoiceApp });
    app = studioApp(dir());
  });
  afterEach(() => apps.remove());

  test("GET /weave/studio/model lists the entities, fields, machines and field types with origins", async () => {
    const response = await app.handle(new Request("http://localhost/weave/studio/model"));
    expect(response.status).toBe(200);
    const model = await response.json();
    expect(model.entities.map((e: { name: string }) => e.name)).toEqual(["Customer", "Invoice"]);
    const invoice = model.entities[1];
    expect(invoice.origin).toEqual({ file: "domain/invoice.entity.yaml", line: 2, column: 1 });
    expect(invoice.fields.map((f: { name: string }) => f.name)).toEqual(["number", "status"]);
    expect(invoice.machines[0]).toMatchObject({ name: "lifecycle", initial: "draft", transitions: [{ name: "send", from: ["draft"], to: "sent" }] });
    expect(invoice.policies.read).toBe("true");
    expect(model.fieldTypes.map((t: { type: string }) => t.type)).toContain("many-to-many");
  });

  test("an edit that compiles is written and answered with its diff", async () => {
    const response = await app.handle(post({ edit: { kind: "addField", entity: "Invoice", field: "due", props: { type: "date" } } }));
    expect(response.status).toBe(200);
    const outcome = await response.json();
    expect(outcome.written).toBe(true);
    expect(outcome.diagnostics).toEqual([]);
    expect(outcome.diff).toContain("+  due: { type: date }\n");
    expect(read("domain/invoice.entity.yaml")).toContain("  # The invoice number.\n  number: { type: string, required: true }\n  status: { type: state, machine: lifecycle }\n  due: { type: date }\n");
  });

  test("an edit with errors is not written; its diagnostics point at the edited element", async () => {
    const before = read("domain/invoice.entity.yaml");
    const edit = { kind: "addTransition", entity: "Invoice", machine: "lifecycle", transition: "reopen", from: "sent", to: "draft", guard: "size(number) >" };
    const outcome = await (await app.handle(post({ edit }))).json();
    expect(outcome.written).toBe(false);
    expect(outcome.diagnostics).toContainEqual(expect.objectContaining({ code: "WV400", file: "domain/invoice.entity.yaml", element: true }));
    expect(outcome.diff).toContain('+      reopen:\n+        from: sent\n+        to: draft\n+        guard: "size(number) >"\n');
    expect(read("domain/invoice.entity.yaml")).toBe(before);
  });

  test("write: false only checks (live diagnostics); force writes despite errors", async () => {
    const edit = { kind: "setTransition", entity: "Invoice", machine: "lifecycle", transition: "send", guard: "nope" };
    const checked = await (await app.handle(post({ edit, write: false }))).json();
    expect(checked.written).toBe(false);
    expect(checked.diagnostics.some((d: { severity: string; element: boolean }) => d.severity === "error" && d.element)).toBe(true);
    const forced = await (await app.handle(post({ edit, force: true }))).json();
    expect(forced.written).toBe(true);
    expect(read("domain/invoice.entity.yaml")).toContain('send: { from: draft, to: sent, guard: "nope" }');
  });

  test.each([
    ["an unknown edit kind", { edit: { kind: "dropTable", entity: "Invoice" } }, 400],
    ["a name the model lacks", { edit: { kind: "addField", entity: "Nope", field: "x", props: { type: "string" } } }, 422],
    ["a field that exists", { edit: { kind: "addField", entity: "Invoice", field: "number", props: { type: "string" } } }, 422],
  ])("refuses %s as problem+json", async (_, body, status) => {
    const response = await app.handle(post(body));
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });

  test("refuses a body that is not JSON, and an edit from another origin", async () => {
    const text = await app.handle(new Request("http://localhost/weave/studio/edit", { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" }));
    expect(text.status).toBe(415);
    const edit = { kind: "addField", entity: "Invoice", field: "due", props: { type: "date" } };
    const crossSite = await app.handle(post({ edit }, { origin: "https://evil.example" }));
    expect(crossSite.status).toBe(403);
    expect(read("domain/invoice.entity.yaml")).not.toContain("due:");
  });
});

const relatedApp = {
  ...cleanApp,
  "domain/invoice.entity.yaml": `{schema:entity}
entity: Invoice
fields:
  number: { type: string, required: true }
  # Who pays.
  customer: { type: ref, to: Customer }
  note: { type: string }
  status: { type: state, machine: lifecycle }
states:
  lifecycle:
    initial: draft
    transitions:
      send: { from: draft, to: sent, guard: "size(number) > 0" }
      void: { from: [draft, sent], to: void }
policies:
  read: "true"
`,
};

describe("studio removals and renames in process", () => {
  let apps: ReturnType<typeof tempApps>;
  let app: ReturnType<typeof studioApp>;
  const dir = () => join(apps.dir, "app");
  const read = (path: string) => readFileSync(join(dir(), path), "utf8");
  const edit = async (body: unknown) => (await app.handle(post({ edit: body }))).json();
  beforeEach(() => {
    apps = tempApps({ app: relatedApp });
    app = studioApp(dir());
  });
  afterEach(() => apps.remove());

  test("removing an entity others refer to is refused with the compiler's diagnostics; the file stays", async () => {
    const outcome = await edit({ kind: "removeEntity", entity: "Customer" });
    expect(outcome.written).toBe(false);
    expect(outcome.diagnostics).toContainEqual(expect.objectContaining({ severity: "error", file: "domain/invoice.entity.yaml", line: 6 }));
    expect(outcome.diff).toStartWith("--- a/domain/customer.entity.yaml\n+++ /dev/null\n");
    expect(existsSync(join(dir(), "domain/customer.entity.yaml"))).toBe(true);
  });

  test("removing a relation, then the entity it pointed at, deletes the file", async () => {
    expect(await edit({ kind: "removeRelation", entity: "Invoice", field: "customer" })).toMatchObject({ written: true, diagnostics: [] });
    expect(await edit({ kind: "removeEntity", entity: "Customer" })).toMatchObject({ written: true, files: ["domain/customer.entity.yaml"] });
    expect(existsSync(join(dir(), "domain/customer.entity.yaml"))).toBe(false);
    const model = await (await app.handle(new Request("http://localhost/weave/studio/model"))).json();
    expect(model.entities.map((e: { name: string }) => e.name)).toEqual(["Invoice"]);
    expect(model.app.root).toBe(dir());
  });

  test("a transition and a field are removed and written, comments of the others kept", async () => {
    expect(await edit({ kind: "removeTransition", entity: "Invoice", machine: "lifecycle", transition: "void" })).toMatchObject({ written: true });
    expect(await edit({ kind: "removeField", entity: "Invoice", field: "note" })).toMatchObject({ written: true });
    expect(read("domain/invoice.entity.yaml")).toEndWith(`entity: Invoice
fields:
  number: { type: string, required: true }
  # Who pays.
  customer: { type: ref, to: Customer }
  status: { type: state, machine: lifecycle }
states:
  lifecycle:
    initial: draft
    transitions:
      send: { from: draft, to: sent, guard: "size(number) > 0" }
policies:
  read: "true"
`);
  });

  test("renaming an entity moves its file and follows the relations naming it", async () => {
    const outcome = await edit({ kind: "renameEntity", entity: "Customer", to: "Client" });
    expect(outcome).toMatchObject({ written: true, diagnostics: [], notes: [] });
    expect(outcome.files.sort()).toEqual(["domain/client.entity.yaml", "domain/customer.entity.yaml", "domain/invoice.entity.yaml"]);
    expect(existsSync(join(dir(), "domain/customer.entity.yaml"))).toBe(false);
    expect(read("domain/client.entity.yaml")).toContain("entity: Client\nrenamedFrom: Customer\n");
    expect(read("domain/invoice.entity.yaml")).toContain("  customer: { type: ref, to: Client }\n");
  });

  test("a field rename that expressions still name: the notes point at them, the compiler refuses it", async () => {
    const outcome = await edit({ kind: "renameField", entity: "Invoice", field: "number", to: "code" });
    expect(outcome.notes).toEqual([{ file: "domain/invoice.entity.yaml", line: 13, column: 45, message: 'the expression "size(number) > 0" may still name number: rename it there by hand' }]);
    expect(outcome.written).toBe(false);
    expect(outcome.diagnostics.some((d: { severity: string; line: number }) => d.severity === "error" && d.line === 13)).toBe(true);
  });

  test("reordering fields is written; an order missing a field is refused (422)", async () => {
    expect(await edit({ kind: "reorderFields", entity: "Invoice", fields: ["status", "number", "customer", "note"] })).toMatchObject({ written: true });
    expect(read("domain/invoice.entity.yaml")).toContain("fields:\n  status: { type: state, machine: lifecycle }\n  number: { type: string, required: true }\n  # Who pays.\n  customer:");
    const refused = await app.handle(post({ edit: { kind: "reorderFields", entity: "Invoice", fields: ["status"] } }));
    expect(refused.status).toBe(422);
  });
});

describe("studio routes under weave dev", () => {
  let apps: ReturnType<typeof tempApps>;
  let served: WeaveProcess;
  afterAll(async () => {
    await served?.stop();
    apps?.remove();
  });

  test("an edit is written, and the watcher serves the new entity", async () => {
    apps = tempApps({ app: invoiceApp });
    const started = await startWeave(["dev", "app", "--port", "0", "--host", "127.0.0.1"], { cwd: apps.dir, timeoutMs: 60_000 });
    if ("code" in started) throw new Error(started.stderr);
    served = started;
    const edit = { kind: "addEntity", entity: "Project", fields: { title: { type: "string", required: true } }, policies: { read: "true" } };
    const response = await fetch(`${served.url}/weave/studio/edit`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ edit }) });
    const outcome = await response.json();
    expect(outcome, served.stderr()).toMatchObject({ written: true });
    const deadline = Date.now() + 20_000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      status = (await fetch(`${served.url}/api/projects`)).status;
      if (status !== 200) await Bun.sleep(100);
    }
    expect(status).toBe(200);
    const model = await (await fetch(`${served.url}/weave/studio/model`)).json();
    expect(model.entities.map((e: { name: string }) => e.name)).toContain("Project");
  }, 90_000);
});
