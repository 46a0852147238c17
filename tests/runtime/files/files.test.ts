/**
 * The file routes on the invoicing model with a `logo` file field added to Customer: who may
 * upload and download, the field's accept and maxSize, content sniffing, and the local store.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { IR, IRField } from "../../../compiler/ir/index.ts";
import { createDatabase, createServer, type Database } from "../../../runtime/index.ts";
import { localFileStore } from "../../../runtime/files/index.ts";
import type { Identity } from "../../../runtime/server/context.ts";
import { billing, invoicingIr, viewer } from "../write/fixture.ts";

const anonymous: Identity = { userId: null, roles: [], tenantId: null, tenantRoles: [] };
// The smallest valid PNG (1x1, transparent): file-type recognises it by its signature.
const PNG = Uint8Array.from(atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="), (c) => c.charCodeAt(0));

let ir: IR;
let database: Database;
let dir: string;

/** The invoicing IR with Customer.logo (images up to 1000 bytes) and Customer.attachment (any type, no maxSize). */
function withFileFields(base: IR): IR {
  const copy = structuredClone(base);
  const customer = copy.entities.find((e) => e.name === "Customer") as unknown as { fields: IRField[] };
  const template = customer.fields.find((f) => f.name === "name")!;
  const file = (name: string, extra: Partial<IRField>): IRField => {
    const { constraints: _c, ...rest } = template;
    return { ...rest, name, label: name, column: name, type: "file", required: false, ...extra } as IRField;
  };
  customer.fields.push(file("logo", { accept: ["image/*"], maxSize: 1000 }), file("attachment", {}));
  return copy;
}

beforeAll(async () => {
  ir = withFileFields(await invoicingIr());
  // The file routes read the model and the store, never the database: it is never opened.
  database = createDatabase({ dataDir: "memory" });
  dir = mkdtempSync(join(tmpdir(), "weave-files-"));
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

const servers = new Map<number | undefined, ReturnType<typeof createServer>>();
const callers = new Map<string, Identity>([["billing", billing], ["viewer", viewer], ["anonymous", anonymous]]);
const nameOf = (identity: Identity) => [...callers].find(([, i]) => i === identity)![0];

/** One server per upload limit; the caller is named by a test header. */
function server(identity: Identity, maxUploadBytes?: number) {
  let made = servers.get(maxUploadBytes);
  if (!made) {
    made = createServer(ir, { database, log: false, identify: (request) => callers.get(request.headers.get("x-test-caller") ?? "")!, files: localFileStore(dir), ui: { enabled: false }, ...(maxUploadBytes ? { maxUploadBytes } : {}) });
    servers.set(maxUploadBytes, made);
  }
  return { handle: (request: Request) => (request.headers.set("x-test-caller", nameOf(identity)), made.app.handle(request)) };
}

function upload(identity: Identity, query: string, file: Blob | undefined, name = "logo.png", maxUploadBytes?: number) {
  const body = new FormData();
  if (file) body.append("file", file, name);
  return server(identity, maxUploadBytes).handle(new Request(`http://localhost/api/_files?${query}`, { method: "POST", body }));
}

const download = (identity: Identity, key: string) => server(identity).handle(new Request(`http://localhost/api/_files/${key}`));

test("a billing user uploads an image to a file field and gets the value a record holds; it downloads again", async () => {
  const response = await upload(billing, "entity=Customer&field=logo", new Blob([PNG], { type: "image/png" }), "C:\\Users\\me\\logo.png");
  expect(response.status).toBe(201);
  const value = (await response.json()) as { key: string; name: string; type: string; size: number };
  expect(value).toEqual({ key: expect.stringMatching(/^[0-9a-f-]{36}$/), name: "logo.png", type: "image/png", size: PNG.byteLength });
  const back = await download(billing, value.key);
  expect(back.status).toBe(200);
  expect(new Uint8Array(await back.arrayBuffer())).toEqual(PNG);
  expect(back.headers.get("content-type")).toBe("image/png");
  expect(back.headers.get("x-content-type-options")).toBe("nosniff");
  expect(back.headers.get("content-disposition")).toStartWith("inline;");
  // A viewer may download what a record refers to; only signed-in users may.
  expect((await download(viewer, value.key)).status).toBe(200);
  expect((await download(anonymous, value.key)).status).toBe(401);
});

test("the content decides the type: text posing as a PNG is refused by an image field", async () => {
  const response = await upload(billing, "entity=Customer&field=logo", new Blob(["<script>alert(1)</script>"], { type: "image/png" }), "evil.png");
  expect(response.status).toBe(415);
  expect(((await response.json()) as { errors: { path: string; code: string }[] }).errors[0]).toMatchObject({ path: "/file", code: "accept" });
});

test("a field without accept takes text, which downloads as an attachment", async () => {
  const response = await upload(billing, "entity=customer&field=attachment", new Blob(["<h1>hi</h1>"], { type: "text/html" }), "page.html");
  expect(response.status).toBe(201);
  const value = (await response.json()) as { key: string; type: string };
  expect(value.type).toBe("text/html");
  const back = await download(billing, value.key);
  expect(back.headers.get("content-disposition")).toBe(`attachment; filename="page.html"; filename*=UTF-8''page.html`);
  expect(back.headers.get("content-security-policy")).toContain("sandbox");
});

test("a file over the field's maxSize is a 413; a large file within the upload limit passes the server's body limit", async () => {
  const big = new Uint8Array(1500);
  big.set(PNG);
  const tooLarge = await upload(billing, "entity=Customer&field=logo", new Blob([big], { type: "image/png" }));
  expect(tooLarge.status).toBe(413);
  expect(((await tooLarge.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe("maxSize");
  // 1.5 MiB: more than the JSON body limit (1 MiB), less than the upload limit given.
  const large = await upload(billing, "entity=Customer&field=attachment", new Blob([new Uint8Array(1.5 * 1024 * 1024)]), "zeros.bin", 2 * 1024 * 1024);
  expect(large.status).toBe(201);
  expect(((await large.json()) as { size: number; type: string })).toMatchObject({ size: 1.5 * 1024 * 1024, type: "application/octet-stream" });
  const overLimit = await upload(billing, "entity=Customer&field=attachment", new Blob([new Uint8Array(1.5 * 1024 * 1024)]), "zeros.bin", 1024 * 1024);
  expect(overLimit.status).toBe(413);
});

test("uploads need a signed-in user who may write the entity, and a file field", async () => {
  const png = () => new Blob([PNG], { type: "image/png" });
  expect((await upload(anonymous, "entity=Customer&field=logo", png())).status).toBe(401);
  expect((await upload(viewer, "entity=Customer&field=logo", png())).status).toBe(403);
  expect((await upload(billing, "entity=Customer&field=name", png())).status).toBe(422);
  expect((await upload(billing, "entity=Customer&field=nope", png())).status).toBe(422);
  expect((await upload(billing, "entity=Nope&field=logo", png())).status).toBe(422);
  expect((await upload(billing, "field=logo", png())).status).toBe(400);
  expect((await upload(billing, "entity=Customer&field=logo", undefined)).status).toBe(400);
});

test("an unknown or malformed key is a 404, never a path outside the store", async () => {
  expect((await download(billing, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
  expect((await download(billing, "..%2F..%2Fetc%2Fpasswd")).status).toBe(404);
  expect(readdirSync(dir).every((name) => /^[0-9a-f-]{36}(\.json)?$/.test(name))).toBe(true);
});

test("the local store keeps bytes and description under the key, and deletes both", async () => {
  const store = localFileStore(join(dir, "store"));
  const file = { key: "11111111-1111-4111-8111-111111111111", name: "a.txt", type: "text/plain", size: 2, createdBy: null, createdAt: "2026-01-01T00:00:00.000Z" };
  await store.put(file, new TextEncoder().encode("hi"));
  const found = await store.get(file.key);
  expect(found?.file).toEqual(file);
  expect(await found?.body.text()).toBe("hi");
  await store.delete(file.key);
  expect(await store.get(file.key)).toBeUndefined();
  expect(await store.get("../../etc/passwd")).toBeUndefined();
});
