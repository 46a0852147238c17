/**
 * The generated invoicing SDK (the reviewed fixture, which generate-sdk.test.ts keeps equal to the
 * generator's output) against a live server over a socket (Bun.serve on port 0), on PGlite and on
 * Postgres: typed lists with filter, sort and include, create, update with a version, a
 * transition, actions, problem+json errors as ApiError, an event subscription, and the TanStack
 * Query factories run by @tanstack/query-core.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { join, resolve } from "node:path";
import { MutationObserver, QueryClient } from "@tanstack/query-core";
import { compileApp } from "../../../../compiler/index.ts";
import { applyMigrations } from "../../../../runtime/db/migrations/apply.ts";
import { createServer } from "../../../../runtime/index.ts";
import { forEachDatabase } from "../../../helpers/db.ts";
import { ApiError, createClient, type Customer, type Invoice, type InvoiceEvent, invoicesMutations, invoicesQueries, type WeaveAppClient } from "./fixtures/invoicing.sdk.ts";

const example = resolve(import.meta.dir, "../../../../examples/invoicing");
const { ir } = await compileApp(example);
const TENANT = "00000000-0000-4000-8000-00000000000a";
const USER = "00000000-0000-4000-8000-000000000001";

/** A fetch that signs requests in as the development identity (`devIdentity`) with `roles` in the tenant. */
const as = (roles: string): typeof fetch =>
  ((input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set("x-weave-user", USER);
    headers.set("x-weave-tenant-roles", roles);
    return fetch(input, { ...init, headers });
  }) as typeof fetch;

/** The ApiError a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

forEachDatabase("the generated SDK against a live server", (target) => {
  let server: ReturnType<typeof Bun.serve>;
  let client: WeaveAppClient;
  let viewer: WeaveAppClient;
  let customer: Customer;
  let invoice: Invoice;

  beforeAll(async () => {
    expect((await applyMigrations(target.database, { dir: join(example, "migrations") })).problems).toEqual([]);
    const weave = createServer(ir!, { database: target.database, devIdentity: true, log: false, appDir: example });
    server = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: weave.app.fetch, reusePort: false });
    const baseUrl = `http://127.0.0.1:${server.port}`;
    client = createClient({ baseUrl, tenant: TENANT, fetch: as("admin,billing") });
    viewer = createClient({ baseUrl, tenant: TENANT, fetch: as("viewer") });
  });
  // The harness closes the database; the server only has to let go of the port.
  afterAll(() => server?.stop(true));

  test("create: typed records with the server's defaults", async () => {
    customer = await client.customers.create({ code: "globex", name: "Globex GmbH", email: "ap@globex.test", address: { city: "Berlin" } });
    expect(customer).toMatchObject({ code: "globex", name: "Globex GmbH", version: 1 });
    await client.customers.create({ code: "initech", name: "Initech", email: "ap@initech.test" });
    invoice = await client.invoices.create({ number: "INV-2026-0001", customer: customer.id, due: "2026-12-31", taxRate: 7 });
    expect(invoice).toMatchObject({ status: "draft", taxRate: "7.00", customer: customer.id, version: 1 });
    for (const [description, quantity, unitPrice] of [["Consulting", 3, "120.00"], ["Hosting", 1, 29]] as const) {
      await client.invoiceLines.create({ invoice: invoice.id, description, quantity, unitPrice });
    }
  });

  test("list with filter, sort, include, fields and count; related lists; get by key", async () => {
    const other = await client.customers.getByKey("initech");
    await client.invoices.create({ number: "INV-2026-0002", customer: other.id });
    const page = await client.invoices.list({ filter: { status: { eq: "draft" }, "customer.name": { contains: "GLOBEX" } }, sort: ["-number"], include: ["customer", "lines"], count: true });
    expect(page.count).toBe(1);
    expect(page.data.map((i) => i.number)).toEqual(["INV-2026-0001"]);
    expect(page.data[0]!._included.customer?.code).toBe("globex");
    expect(page.data[0]!._included.lines.map((l) => l.description).sort()).toEqual(["Consulting", "Hosting"]);
    const both = await client.invoices.list({ filter: { number: { in: ["INV-2026-0001", "INV-2026-0002"] } }, sort: ["number"], fields: ["number", "total"] });
    expect(both.data).toEqual([expect.objectContaining({ number: "INV-2026-0001", total: "416.23" }), expect.objectContaining({ number: "INV-2026-0002", total: "0.00" })]);
    expect(both.data[0]).not.toHaveProperty("due");
    const lines = await client.invoices.lines(invoice.id, { sort: ["-description"] });
    expect(lines.data.map((l) => l.description)).toEqual(["Hosting", "Consulting"]);
    expect((await client.invoices.getByKey("INV-2026-0001", { include: ["customer"] }))._included.customer?.id).toBe(customer.id);
  });

  test("update with the version seen; a stale version is a 412 ApiError", async () => {
    const updated = await client.invoices.update(invoice.id, { notes: "thanks" }, { version: invoice.version });
    expect(updated).toMatchObject({ notes: "thanks", version: invoice.version + 1 });
    const stale = await failure(client.invoices.update(invoice.id, { notes: "again", version: invoice.version }));
    expect(stale.status).toBe(412);
    expect(stale.problem.type).toBe("https://weave.dev/problems/precondition-failed");
    invoice = updated;
  });

  test("problem+json errors arrive as ApiError, with the fields at fault", async () => {
    const invalid = await failure(client.invoices.create({ number: "not a number", customer: customer.id }));
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.fieldErrors())).toContain("number");
    const missing = await failure(client.invoices.get("00000000-0000-4000-8000-0000000000ff"));
    expect(missing.status).toBe(404);
    expect((await failure(viewer.invoices.send(invoice.id))).status).toBe(403);
  });

  test("a transition, and one from the wrong state is a 409", async () => {
    const sent = await client.invoices.send(invoice.id, { version: invoice.version });
    expect(sent).toMatchObject({ status: "sent", version: invoice.version + 1 });
    expect(sent.sentAt).not.toBeNull();
    expect((await failure(client.invoices.send(invoice.id))).status).toBe(409);
    invoice = sent;
  });

  test("actions: a record action returns a record, a collection action its output", async () => {
    const copy = await client.invoices.duplicate(invoice.id);
    expect(copy).toMatchObject({ status: "draft", customer: customer.id });
    expect(copy.id).not.toBe(invoice.id);
    expect(await client.invoices.remindOverdue({ olderThanDays: 0 })).toEqual({ reminded: 0 });
    expect(await client.invoices.remindOverdue()).toEqual({ reminded: 0 });
    const bad = await failure(client.invoices.remindOverdue({ olderThanDays: -1 }));
    expect(bad.problem.errors?.[0]?.path).toBe("/olderThanDays");
    await client.invoices.delete(copy.id);
    expect((await failure(client.invoices.get(copy.id))).status).toBe(404);
  });

  test("subscribe: an update of the record arrives as a typed event", async () => {
    const events: InvoiceEvent[] = [];
    const errors: unknown[] = [];
    const { promise: opened, resolve: open } = Promise.withResolvers<void>();
    const stop = client.invoices.subscribe((event) => events.push(event), { id: invoice.id, onOpen: open, onError: (e) => errors.push(e) });
    try {
      await opened;
      await client.customers.update(customer.id, { name: "Globex AG" }); // another entity: filtered out
      await client.invoices.update(invoice.id, { notes: "paid soon" });
      for (let i = 0; i < 100 && events.length === 0; i++) await Bun.sleep(20);
      expect(events).toEqual([expect.objectContaining({ type: "invoice.updated", entity: "Invoice", id: invoice.id, tenantId: TENANT })]);
      expect(events[0]!.data.fields).toContain("notes");
      expect(errors).toEqual([]);
    } finally {
      stop();
    }
  });

  test("a refused subscription reports its ApiError", async () => {
    const elsewhere = createClient({ baseUrl: client.baseUrl, tenant: "not-a-tenant", fetch: as("billing") });
    const { promise, resolve } = Promise.withResolvers<unknown>();
    const stop = elsewhere.invoices.subscribe(() => undefined, { onError: resolve, onOpen: () => resolve("opened") });
    try {
      const error = await promise;
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(400);
    } finally {
      stop();
    }
  });

  test("saved queries: typed params in, typed rows out", async () => {
    const overdue = await client.queries.overdueInvoices({ asOf: "2027-06-01" });
    expect(overdue.data).toEqual([expect.objectContaining({ id: invoice.id, number: "INV-2026-0001", "customer.name": "Globex AG", due: "2026-12-31", total: "416.23" })]);
    expect(overdue.columns.map((c) => c.name)).toEqual(["id", "number", "customer.name", "total", "due"]);
    expect((await client.queries.overdueInvoices({ asOf: "2026-01-01" })).data).toEqual([]);
    const byStatus = await client.queries.invoicesByStatus();
    expect(byStatus.data.find((row) => row.status === "sent")?.invoices).toBe(1);
    expect((await failure(client.queries.overdueInvoices({ asOf: "someday" }))).status).toBe(400);
  });

  test("auth: sign in, mint an API token, and use it from a token client", async () => {
    // A program keeps the session cookie itself: a minimal cookie jar over fetch.
    let cookie = "";
    const jar = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      if (cookie) headers.set("cookie", cookie);
      const response = await fetch(input, { ...init, headers });
      const set = response.headers.getSetCookie().map((c) => c.split(";")[0]!).filter((c) => c.startsWith("weave_session="));
      if (set.length > 0) cookie = set.join("; ");
      return response;
    }) as typeof fetch;
    const session = createClient({ baseUrl: client.baseUrl, fetch: jar });
    const { user } = await session.auth.register("sdk@example.test", "a long enough password");
    const made = await session.auth.tokens.create("sdk test", ["read"]);
    expect(made).toMatchObject({ name: "sdk test", scopes: ["read"] });
    const program = createClient({ baseUrl: client.baseUrl, token: made.token });
    expect((await program.auth.me()).user.id).toBe(user.id);
    expect((await session.auth.tokens.list()).data.map((t) => t.id)).toEqual([made.id]);
    await session.auth.tokens.revoke(made.id);
    expect((await failure(program.auth.me())).status).toBe(401);
  });

  test("TanStack Query v5: the factories run in a QueryClient and a MutationObserver", async () => {
    const queryClient = new QueryClient();
    const queries = invoicesQueries(client);
    const options = queries.list({ filter: { customer: { eq: customer.id } }, sort: ["number"], include: ["customer"] });
    expect(options.queryKey).toEqual(["invoicing", TENANT, "invoices", "list", { filter: { customer: { eq: customer.id } }, sort: ["number"], include: ["customer"] }]);
    const page = await queryClient.fetchQuery(options);
    expect(page.data.map((i) => i.number)).toEqual(["INV-2026-0001"]);
    expect(queryClient.getQueryData(options.queryKey)).toBe(page);
    const draft = await client.invoices.create({ number: "INV-2026-0009", customer: customer.id });
    const voided = await new MutationObserver(queryClient, invoicesMutations(client).void()).mutate({ id: draft.id, version: draft.version });
    expect(voided.status).toBe("void");
    await queryClient.invalidateQueries({ queryKey: queries.all() });
    expect(queryClient.getQueryState(options.queryKey)?.isInvalidated).toBe(true);
    queryClient.clear();
  });
});
