/**
 * The file routes: `POST /api/_files?entity=<Entity>&field=<field>` stores one uploaded file
 * (multipart, part `file`) within the field's `accept` and `maxSize` and answers the value a
 * record holds, `{ key, name, type, size }`; `GET /api/_files/<key>` sends it back. Both are for
 * signed-in users only; an upload also needs an entity the caller may create or update.
 */
import type { Elysia } from "elysia";
import { fileTypeFromBuffer } from "file-type";
import type { IR, IREntity, IRField } from "../../compiler/ir/index.ts";
import { decideForIdentity } from "../policy/decide.ts";
import type { RequestContext } from "../server/context.ts";
import { badRequest, forbidden, notFound, payloadTooLarge, unauthorized, unprocessable, unsupportedMediaType } from "../server/errors.ts";
import { accepts } from "../../components/core/accept.ts";
import { DEFAULT_MAX_UPLOAD_BYTES, UPLOAD_PATH } from "./options.ts";
import type { FileStore } from "./store.ts";

export { DEFAULT_MAX_UPLOAD_BYTES, UPLOAD_PATH };

type App = Elysia<any, any, any, any, any, any, any>;


export interface FileRouteOptions {
  readonly store: FileStore;
  /** The largest file accepted at all; a field's `maxSize` can only lower it. */
  readonly maxUploadBytes?: number;
}


/**
 * Mounts the file routes.
 *
 * @example registerFileRoutes(app, ir, contextFor, { store: localFileStore(join(appDir, ".weave/files")) });
 */
export function registerFileRoutes(app: App, ir: IR, contextFor: (request: Request) => Promise<RequestContext>, options: FileRouteOptions): void {
  const ceiling = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  app
    .post(UPLOAD_PATH, async ({ request, body }) => {
      const ctx = await contextFor(request);
      if (!ctx.identity.userId) throw unauthorized("sign in to upload files");
      const field = uploadField(ir, ctx, new URL(request.url).searchParams);
      const limit = Math.min(field.maxSize ?? ceiling, ceiling);
      const file = (body as Record<string, unknown> | undefined)?.file;
      if (!(file instanceof Blob)) throw badRequest("send the file as multipart/form-data in a part named 'file'");
      if (file.size > limit) throw payloadTooLarge(`the file is ${file.size} bytes; ${field.name} takes at most ${limit}`, [{ path: "/file", message: `larger than ${limit} bytes`, code: "maxSize" }]);
      const bytes = new Uint8Array(await file.arrayBuffer());
      // The content decides the type where it can be recognised, not the name the browser sent.
      const type = (await fileTypeFromBuffer(bytes))?.mime ?? unrecognised(file.type);
      if (!accepts(field.accept, type)) throw unsupportedMediaType(`${field.name} does not take ${type} files`, [{ path: "/file", message: `${type} is not one of ${field.accept!.join(", ")}`, code: "accept" }]);
      const name = fileName(file);
      const stored = { key: crypto.randomUUID(), name, type, size: bytes.byteLength, createdBy: ctx.identity.userId, createdAt: new Date().toISOString() };
      await options.store.put(stored, bytes);
      return new Response(JSON.stringify({ key: stored.key, name, type, size: stored.size }), { status: 201, headers: { "content-type": "application/json" } });
    })
    .get(`${UPLOAD_PATH}/:key`, async ({ request, params }) => {
      const ctx = await contextFor(request);
      if (!ctx.identity.userId) throw unauthorized("sign in to download files");
      const found = await options.store.get(params.key);
      if (!found) throw notFound(`no file ${params.key}`);
      return new Response(found.body, { headers: downloadHeaders(found.file.name, found.file.type) });
    });
}

/** The file field an upload is for, after checking the caller may write its entity. */
function uploadField(ir: IR, ctx: RequestContext, query: URLSearchParams): IRField {
  const entityName = query.get("entity");
  const path = query.get("field");
  if (!entityName || !path) throw badRequest("name the field the file is for: ?entity=<Entity>&field=<field>");
  const entity = ir.entities.find((e) => e.name.toLowerCase() === entityName.toLowerCase());
  const field = entity && fieldAt(entity.fields, path.split("."));
  if (!entity || !field) throw unprocessable(`${entityName} has no field '${path}'`, [{ path: "/field", message: "no such field", code: "unknown" }]);
  if (field.type !== "file") throw unprocessable(`${entity.name}.${path} is not a file field`, [{ path: "/field", message: "not a file field", code: "type" }]);
  if (!mayWrite(ir, entity, ctx)) throw forbidden(`you may not write ${entity.plural}`);
  return field;
}

function fieldAt(fields: readonly IRField[], path: readonly string[]): IRField | undefined {
  const [head, ...rest] = path;
  const field = fields.find((f) => f.name === head);
  if (!field || rest.length === 0) return field;
  return field.embedded ? fieldAt(field.embedded.fields, rest) : undefined;
}

/** Create or update allowed for the identity, or left to the record (then the write decides). */
function mayWrite(ir: IR, entity: IREntity, ctx: RequestContext): boolean {
  return [entity.policies.create, entity.policies.update].some((p) => p !== undefined && decideForIdentity(ir, entity, p, ctx.identity) !== false);
}

/** Types file-type cannot recognise by content (text); a binary type it did not find there is not believed. */
const TEXT_TYPES = /^(text\/[\w.+-]+|application\/(json|xml|[\w.+-]+\+(json|xml))|image\/svg\+xml)$/;

/** The type of content file-type did not recognise: the browser's claim when it is a text type, else octet-stream. */
function unrecognised(claimed: string): string {
  const type = claimed.toLowerCase().split(";")[0]!.trim();
  return TEXT_TYPES.test(type) ? type : "application/octet-stream";
}

/** The base name the browser sent, without any folder, control characters or quotes. */
function fileName(file: Blob): string {
  const raw = file instanceof File ? file.name : "";
  const base = raw.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(0, 255);
  return clean || "file";
}

/** Images show in the page; anything else downloads, so an uploaded HTML page never runs on our origin. */
function downloadHeaders(name: string, type: string): Record<string, string> {
  const inline = /^image\/(png|jpeg|gif|webp|avif)$/.test(type) || type === "application/pdf";
  const ascii = name.replace(/[^\x20-\x7e]/g, "_");
  return {
    "content-type": type,
    "content-disposition": `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
    "cache-control": "private, max-age=0",
  };
}
