/**
 * The reusable parts of the document: every schema (entity and shared), the error responses and
 * the response headers.
 */
import type { TSchema } from "@sinclair/typebox";
import type { IR } from "../../ir/index.ts";
import { accountSchemas } from "./account-schemas.ts";
import { entitySchemas } from "./entity-schemas.ts";
import { type JsonSchema, ref, toJsonSchema } from "./json-schema.ts";
import { filterComponents } from "./parameters.ts";
import { SHARED, sharedSchemas } from "./shared-schemas.ts";

/**
 * Every TypeBox schema with an `$id`, by that id: each entity's record, create, update and list
 * schemas and its action inputs and outputs, then the shared ones. Pass the values as the
 * references of `Value.Check` or `TypeCompiler.Compile` for schemas that hold a `Ref`.
 *
 * @example
 *   const refs = Object.values(componentSchemas(ir));
 *   Value.Check(entitySchemas(ir, "Invoice").list, refs, body);
 */
export function componentSchemas(ir: IR): Record<string, TSchema> {
  const out: Record<string, TSchema> = {};
  const add = (schema: TSchema) => {
    out[schema.$id!] = schema;
  };
  for (const entity of ir.entities) {
    const s = entitySchemas(ir, entity.name);
    [s.record, s.create, s.update, s.list].forEach(add);
    for (const action of Object.values(s.actions)) {
      if (Object.keys(action.input.properties).length > 0) add(action.input);
      if (action.output?.$id) add(action.output);
    }
  }
  Object.values(sharedSchemas).forEach(add);
  Object.values(accountSchemas(ir)).forEach(add);
  return out;
}

/** The document's `components.schemas`: the TypeBox components as JSON, and the filter operators. */
export function documentSchemas(ir: IR): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(componentSchemas(ir))) out[name] = toJsonSchema(schema);
  return { ...out, ...filterComponents() };
}

/** Error responses, all RFC 9457 problem details. */
export const PROBLEMS = {
  400: { name: "BadRequest", description: "The request is malformed: an unknown or invalid property or parameter, a missing tenant. `errors` names each one." },
  401: { name: "Unauthorized", description: "Not signed in, or the session, token or sign-in link is not valid." },
  403: { name: "Forbidden", description: "A policy does not allow this to the caller." },
  404: { name: "NotFound", description: "No such record (or the caller may not read it)." },
  409: { name: "Conflict", description: "A unique value is taken, a record still refers to this one, or the record is not in a state the transition starts from." },
  412: { name: "PreconditionFailed", description: "The record changed meanwhile: `If-Match` or `version` names another version than the current one, which the `ETag` header gives." },
  413: { name: "PayloadTooLarge", description: "The body is larger than the server accepts." },
  422: { name: "Unprocessable", description: "The request is well-formed but breaks a rule or a transition's guard, or reuses an `Idempotency-Key` with another body. `errors` names the fields." },
  429: { name: "TooManyRequests", description: "Too many attempts from this address or for this account: `Retry-After` says when to try again." },
  501: { name: "NotImplemented", description: "The action has no handler yet: the model declares it, no code implements it." },
  503: { name: "Unavailable", description: "The server is not ready: the database does not answer, or it is shutting down." },
} as const;

export type ProblemStatus = keyof typeof PROBLEMS;

export function responseComponents(): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const { name, description } of Object.values(PROBLEMS)) {
    out[name] = { description, headers: { "X-Request-Id": { $ref: "#/components/headers/RequestId" } }, content: { "application/problem+json": { schema: ref(SHARED.problem) } } };
  }
  return out;
}

export function headerComponents(): Record<string, JsonSchema> {
  return {
    ETag: { description: 'The record\'s version as an entity tag, `"<version>"`: send it back as `If-Match`.', schema: { type: "string" } },
    Location: { description: "The URL of the created record.", schema: { type: "string" } },
    IdempotencyReplayed: { description: "`true` when this is the stored response of an earlier request with the same `Idempotency-Key`.", schema: { type: "string", enum: ["true"] } },
    RequestId: { description: "The request id, as in the server log.", schema: { type: "string" } },
  };
}
