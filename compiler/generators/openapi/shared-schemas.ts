/**
 * Schemas every app's API shares: the RFC 9457 problem, the page of a list, the body of a
 * transition, the server-sent event and the audit entry. Their names start with `weave.`, which
 * no entity name can (entities are PascalCase).
 */
import { type TObject, Type as T } from "@sinclair/typebox";
import { dateTime, uuid } from "./values.ts";

export const SHARED = {
  problem: "weave.Problem",
  page: "weave.Page",
  transitionBody: "weave.TransitionBody",
  event: "weave.Event",
  auditEntry: "weave.AuditEntry",
  auditList: "weave.AuditList",
  health: "weave.Health",
} as const;

/** An RFC 9457 problem, as every error response carries it (`application/problem+json`). */
export const ProblemSchema: TObject = T.Object(
  {
    type: T.String({ format: "uri", description: "`https://weave.dev/problems/<reason>`, e.g. `.../not-found`." }),
    title: T.String({ description: "Short summary of the kind of problem." }),
    status: T.Integer({ minimum: 400, maximum: 599 }),
    detail: T.String({ description: "What went wrong with this request." }),
    instance: T.String({ description: "The request's path." }),
    requestId: T.String({ description: "The request id, also in the `X-Request-Id` header and the server log." }),
    errors: T.Optional(
      T.Array(
        T.Object({
          path: T.String({ description: "Where: a JSON Pointer into the body (`/customer`), or the query parameter (`/filter[due][lt]`)." }),
          message: T.String(),
          code: T.Optional(T.String({ description: "A stable code: `required`, `unknown`, `type`, `pattern`, `rule:<name>`, ..." })),
        }),
      ),
    ),
  },
  { $id: SHARED.problem, title: "Problem", description: "An error, as RFC 9457 problem details." },
);

/** Where a list page is: its size and the cursor of the next page. */
export const PageSchema: TObject = T.Object(
  {
    size: T.Integer({ minimum: 1, description: "The page size used." }),
    after: T.Optional(T.String({ description: "Cursor of the next page, for `page[after]`; absent on the last page." })),
    offset: T.Optional(T.Integer({ minimum: 0, description: "The offset used, when the request gave `page[offset]`." })),
  },
  { $id: SHARED.page, title: "Page" },
);

/** A transition's body: nothing, or the version the client last saw (optimistic concurrency). */
export const TransitionBodySchema: TObject = T.Object(
  { version: T.Optional(T.Integer({ minimum: 1, description: "The record's version the client saw; another version is a 412." })) },
  { $id: SHARED.transitionBody, title: "Transition body", additionalProperties: false },
);

/** One event of `/api/_events`, the `data:` of a server-sent event. */
export const EventSchema: TObject = T.Object(
  {
    type: T.String({ description: "`<entity>.created`, `.updated`, `.deleted`, `.transitioned`, or `<entity>.<event>` of an `emit` effect; entity in camelCase: `invoice.created`." }),
    entity: T.String({ description: "The entity name, e.g. `Invoice`." }),
    id: T.String({ description: "The record's id." }),
    tenantId: T.Union([uuid(), T.Null()]),
    at: dateTime(),
    data: T.Record(T.String(), T.Unknown(), { description: "What changed, without field values: `version`, `fields` (update), `transition`, `from`, `to` (transition)." }),
  },
  { $id: SHARED.event, title: "Event" },
);

/** One entry of the audit log. */
export const AuditEntrySchema: TObject = T.Object(
  {
    id: T.String({ pattern: "^[0-9]+$", description: "Position in the log, as a decimal string." }),
    at: dateTime(),
    userId: T.Union([uuid(), T.Null()]),
    requestId: T.Union([T.String(), T.Null()]),
    action: T.Union(["create", "update", "delete", "transition", "action", "admin"].map((a) => T.Literal(a))),
    entity: T.Union([T.String(), T.Null()]),
    recordId: T.Union([T.String(), T.Null()]),
    name: T.Union([T.String(), T.Null()], { description: "The transition or action name." }),
    changes: T.Unknown({ description: "Before/after values of the changed fields; pii fields masked." }),
    prevHash: T.Union([T.String(), T.Null()]),
    hash: T.String(),
  },
  { $id: SHARED.auditEntry, title: "Audit entry" },
);

export const AuditListSchema: TObject = T.Object(
  { data: T.Array(T.Ref(SHARED.auditEntry)), page: T.Ref(SHARED.page) },
  { $id: SHARED.auditList, title: "Audit entries" },
);

export const HealthSchema: TObject = T.Object(
  { status: T.Union([T.Literal("ok"), T.Literal("ready")]) },
  { $id: SHARED.health, title: "Health" },
);

/** Every shared schema, by component name. */
export const sharedSchemas = {
  [SHARED.problem]: ProblemSchema,
  [SHARED.page]: PageSchema,
  [SHARED.transitionBody]: TransitionBodySchema,
  [SHARED.event]: EventSchema,
  [SHARED.auditEntry]: AuditEntrySchema,
  [SHARED.auditList]: AuditListSchema,
  [SHARED.health]: HealthSchema,
} as const;
