import type { IR } from "../../compiler/ir/index.ts";
import type { Database } from "../db/index.ts";

/** Who is asking, in which tenant. Resolved once per request by `ServerOptions.identify`. */
export interface Identity {
  readonly userId: string | null;
  /** App-wide roles (`user.roles`). */
  readonly roles: readonly string[];
  readonly tenantId: string | null;
  /** Roles within the tenant (`tenant.roles`). */
  readonly tenantRoles: readonly string[];
}

/** An event published after a write commits. */
export interface WeaveEvent {
  /** `<entity>.created|updated|deleted|transitioned`, entity in camelCase: `invoice.created`. */
  readonly type: string;
  readonly entity: string;
  readonly id: string;
  readonly tenantId: string | null;
  readonly at: string;
  readonly data: Record<string, unknown>;
}

/** The in-process event bus: writes publish after commit, `/api/_events` subscribes. */
export interface EventBus {
  publish(event: WeaveEvent): void;
  /** Returns the unsubscribe function. */
  subscribe(listener: (event: WeaveEvent) => void): () => void;
}

export interface ServerOptions {
  readonly database: Database;
  /** Resolves who is asking. Default: anonymous, tenant from the tenancy header. */
  readonly identify?: (request: Request) => Identity | Promise<Identity>;
  /** Development and tests: also trust X-Weave-User / X-Weave-Roles / X-Weave-Tenant-Roles headers. */
  readonly devIdentity?: boolean;
  /** Trims internals from errors. Default: NODE_ENV === "production". */
  readonly production?: boolean;
  /** The app folder, to load hook and action handler modules. */
  readonly appDir?: string;
  /** Largest accepted request body, in bytes. Default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** Largest `page[size]`. Default 100. */
  readonly maxPageSize?: number;
  /** Where structured request logs go. Default: stdout as JSON lines; `false` silences them. */
  readonly log?: ((entry: Record<string, unknown>) => void) | false;
}

/** What every handler gets. */
export interface RequestContext {
  readonly requestId: string;
  readonly identity: Identity;
  readonly ir: IR;
  readonly database: Database;
  readonly options: ServerOptions;
  readonly events: EventBus;
}
