/**
 * `GET /api/_events`: the bus as server-sent events, for the caller's tenant, optionally one
 * entity or one record. Each event passes the read policy of its record for the subscriber
 * (runtime/policy `eventReadable`, in SQL at delivery when the policy reads the record), in the
 * order published; an event carries ids, versions and the names of changed fields the subscriber
 * may read, never field values.
 */
import { eventReadable } from "../policy/event-access.ts";
import type { RequestContext, WeaveEvent } from "../server/context.ts";
import { badRequest } from "../server/errors.ts";
import { entityParam } from "../write/model.ts";

/** The query of `GET /api/_events`. */
export interface EventQuery {
  /** An entity: `invoice`, `Invoice`, `invoices` or `invoice-lines`. */
  readonly entity?: string;
  /** A record id; needs `entity`. */
  readonly id?: string;
}

export interface EventStreamOptions {
  /** The request's signal: the subscription ends when the client goes away. */
  readonly signal?: AbortSignal;
  /** Milliseconds between heartbeat comments, which keep proxies from closing an idle stream. Default 15 000. */
  readonly heartbeatMs?: number;
}

const HEARTBEAT_MS = 15_000;

/**
 * A `text/event-stream` Response that forwards every matching event published from now on, as
 * `id`, `event` (the type, `invoice.created`) and `data` (the event as JSON). It unsubscribes when
 * the client disconnects (the request's AbortSignal) or cancels the stream.
 *
 * @example
 *   app.get("/api/_events", async ({ request, query }) => eventStream(await contextFor(request), query, { signal: request.signal }));
 *   // curl -N 'localhost:3000/api/_events?entity=invoice&id=…'
 *   // id: 1
 *   // event: invoice.transitioned
 *   // data: {"type":"invoice.transitioned","entity":"Invoice","id":"…",…}
 */
export function eventStream(ctx: RequestContext, query: EventQuery = {}, options: EventStreamOptions = {}): Response {
  const accepts = eventFilter(ctx, query);
  const encoder = new TextEncoder();
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let sent = 0;
      let open = true;
      const write = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop(); // the stream closed under us
        }
      };
      // One check at a time, so events arrive in the order they were published.
      let queue: Promise<void> = Promise.resolve();
      const deliver = async (event: WeaveEvent) => {
        const visible = open ? await eventReadable(ctx, event).catch(() => undefined) : undefined;
        if (visible) write(`id: ${++sent}\nevent: ${visible.type}\ndata: ${JSON.stringify(visible)}\n\n`);
      };
      const unsubscribe = ctx.events.subscribe((event) => {
        if (accepts(event)) queue = queue.then(() => deliver(event));
      });
      const heartbeat = setInterval(() => write(": heartbeat\n\n"), options.heartbeatMs ?? HEARTBEAT_MS);
      stop = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
        options.signal?.removeEventListener("abort", stop);
        try {
          controller.close();
        } catch {
          // already closed or cancelled
        }
      };
      if (options.signal?.aborted) return stop();
      options.signal?.addEventListener("abort", stop, { once: true });
      // Sent at once, so the client sees the headers and knows it is subscribed.
      write("retry: 3000\n: subscribed\n\n");
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
      "x-request-id": ctx.requestId,
    },
  });
}

/** Which events a stream forwards: the caller's tenant (and tenant-less entities), then the query's entity and record. */
export function eventFilter(ctx: RequestContext, query: EventQuery): (event: WeaveEvent) => boolean {
  const entity = query.entity ? entityParam(ctx.ir, query.entity, "/entity") : undefined;
  if (query.id !== undefined && !entity) throw badRequest("filtering events by id needs an entity", [{ path: "/id", message: "give entity too" }]);
  const tenantId = ctx.identity.tenantId;
  return (event) =>
    (event.tenantId === null || event.tenantId === tenantId) &&
    (!entity || event.entity === entity.name) &&
    (query.id === undefined || event.id === query.id);
}
