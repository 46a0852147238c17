/**
 * Records without an id, through the API, on PGlite and on Postgres: generated many-to-many join
 * entities take the owner's `update` policy (linking is editing the owner), so links are created,
 * listed and deleted through their routes; and an `id: none` entity is created, changed and
 * deleted by its key.
 */
import { beforeAll, expect, test } from "bun:test";
import type { IR } from "../../../compiler/ir/index.ts";
import { createServer, type WeaveServer } from "../../../runtime/index.ts";
import { forEachDatabase } from "../../helpers/db.ts";
import { yaml } from "../../helpers/spec-app.ts";
import { applySpec, TENANT_A, USER_1 } from "../query/fixtures.ts";

const SPEC = {
  "domain/ticket.entity.yaml": yaml`
    {schema}
    entity: Ticket
    tenant: true
    fields:
      title: { type: string, required: true }
      locked: { type: boolean, default: false }
      labels: { type: many-to-many, to: Label, inverse: tickets }
    policies:
      read: "tenant.member"
      create: "tenant.member"
      update: "'admin' in tenant.roles && !record.locked"
  `,
  "domain/label.entity.yaml": yaml`
    {schema}
    entity: Label
    tenant: true
    fields:
      name: { type: string, required: true }
      secret: { type: boolean, default: false }
      tickets: { type: many-to-many, to: Ticket, inverse: labels }
    policies:
      read: "tenant.member && !record.secret"
      create: "tenant.member"
  `,
  "domain/shift.entity.yaml": yaml`
    {schema}
    entity: Shift
    tenant: true
    id: none
    key: [agent, day]
    fields:
      agent: { type: string, required: true }
      day: { type: date, required: true }
      note: { type: string }
    policies:
      read: "tenant.member"
      create: "tenant.member"
      update: "tenant.member"
      delete: "'admin' in tenant.roles"
  `,
};

forEachDatabase("links and records addressed by key", (target) => {
  let ir: IR;
  let server: WeaveServer;
  const call = async (method: string, path: string, roles: string, body?: unknown) => {
    const headers: Record<string, string> = { "x-weave-user": USER_1, "x-weave-tenant-roles": roles, "x-weave-tenant": TENANT_A };
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await server.app.handle(new Request(`http://localhost${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }));
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  const create = async (path: string, body: unknown) => {
    const reply = await call("POST", path, "admin", body);
    expect(reply.status).toBe(201);
    return reply.body.id as string;
  };

  beforeAll(async () => {
    ir = await applySpec(target, SPEC);
    server = createServer(ir, { database: target.database, log: false, devIdentity: true });
  });

  const links = "/api/label-tickets-links"; // Label.tickets sorts before Ticket.labels: it names the join entity

  test("a join entity's policies: either side's update (both declare the relation) and the other side's read", () => {
    const link = ir.entities.find((e) => e.name === "LabelTicketsLink")!;
    // Label has no update policy: only the ticket side can allow a link.
    expect(link.policies.create!.source).toBe("check(record.ticket, 'update') && check(record.label, 'read')");
    expect(link.policies.delete!.source).toBe("check(record.ticket, 'update')");
    expect(link.policies.read!.source).toBe("check(record.label, 'read') && check(record.ticket, 'read')");
    expect(link.policies.update).toBeUndefined();
  });

  test("links follow the ticket's update policy and the label's read policy, through the API", async () => {
    const ticket = await create("/api/tickets", { title: "coffee machine" });
    const locked = await create("/api/tickets", { title: "archived", locked: true });
    const urgent = await create("/api/labels", { name: "urgent" });
    const secret = await create("/api/labels", { name: "hush", secret: true });
    const made = await call("POST", links, "admin", { label: urgent, ticket });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ label: urgent, ticket, version: 1 });
    expect(made.headers.get("location")).toBe(`${links}/by-key/${urgent}/${ticket}`);
    expect((await call("POST", links, "admin", { label: urgent, ticket })).status).toBe(409);
    expect((await call("POST", links, "viewer", { label: urgent, ticket })).status).toBe(403); // may not update the ticket
    expect((await call("POST", links, "admin", { label: urgent, ticket: locked })).status).toBe(403); // the ticket's policy fails on its row
    // The admin may update the ticket but not read the secret label: no link to what one cannot see.
    expect((await call("POST", links, "admin", { label: secret, ticket })).status).toBe(403);
    const related = await call("GET", `/api/tickets/${ticket}/labels`, "viewer");
    expect(related.body.data.map((l: { name: string }) => l.name)).toEqual(["urgent"]);
    expect((await call("GET", links, "viewer")).body.data).toEqual([expect.objectContaining({ label: urgent, ticket })]);
    expect((await call("DELETE", `${links}/by-key/${urgent}/${ticket}`, "viewer")).status).toBe(403);
    expect((await call("PATCH", `${links}/by-key/${urgent}/${ticket}`, "admin", {})).status).toBe(403);
    expect((await call("DELETE", `${links}/by-key/${urgent}/${ticket}`, "admin")).status).toBe(204);
    expect((await call("GET", `/api/tickets/${ticket}/labels`, "viewer")).body.data).toEqual([]);
    expect((await call("DELETE", `${links}/by-key/${urgent}/${ticket}`, "admin")).status).toBe(404);
    expect((await call("DELETE", `${links}/by-key/${urgent}/not-a-uuid`, "admin")).status).toBe(404);
  });

  test("an entity without an id is created, read, changed and deleted by its key", async () => {
    const made = await call("POST", "/api/shifts", "viewer", { agent: "ann", day: "2026-03-02", note: "early" });
    expect(made.status).toBe(201);
    expect(made.headers.get("location")).toBe("/api/shifts/by-key/ann/2026-03-02");
    expect(made.body).not.toHaveProperty("id");
    const path = "/api/shifts/by-key/ann/2026-03-02";
    const changed = await call("PATCH", path, "viewer", { note: "late", version: 1 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ agent: "ann", day: "2026-03-02", note: "late", version: 2 });
    expect((await call("PATCH", path, "viewer", { note: "again", version: 1 })).status).toBe(412);
    expect((await call("GET", path, "viewer")).body.note).toBe("late");
    expect((await call("PATCH", "/api/shifts/by-key/ann/2026-02-30", "viewer", { note: "x" })).status).toBe(404);
    expect((await call("PATCH", "/api/shifts/by-key/bob/2026-03-02", "viewer", { note: "x" })).status).toBe(404);
    expect((await call("DELETE", path, "viewer")).status).toBe(403);
    expect((await call("DELETE", path, "admin")).status).toBe(204);
    expect((await call("GET", path, "viewer")).status).toBe(404);
  });

  test("a key with %, / or spaces round-trips through its by-key path, decoded once", async () => {
    const made = await call("POST", "/api/shifts", "viewer", { agent: "50%/a b", day: "2026-03-03", note: "odd" });
    expect(made.status).toBe(201);
    const location = made.headers.get("location")!;
    expect(location).toBe("/api/shifts/by-key/50%25%2Fa%20b/2026-03-03");
    expect((await call("GET", location, "viewer")).body).toMatchObject({ agent: "50%/a b", note: "odd" });
    expect((await call("GET", "/api/shifts/by-key/50%25%2F/2026-03-03", "viewer")).status).toBe(404);
    expect((await call("GET", "/api/shifts/by-key/bad%E0%A4%A/2026-03-03", "viewer")).status).toBe(404);
  });
});
