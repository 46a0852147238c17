/**
 * The development channel: `weave dev` tells open browsers about the model over server-sent
 * events at `/weave/dev/events`: `reload` after a new model is served (the page refreshes its
 * metadata and redraws), `diagnostics` while the spec has errors (the page shows an overlay; the
 * last good model keeps serving). Only `weave dev` creates one; other servers have no such route.
 */

/** An event for the browsers. */
export type DevEvent =
  | { readonly type: "reload"; readonly hash: string; readonly ms: number }
  | { readonly type: "diagnostics"; readonly diagnostics: readonly DevDiagnostic[] };

/** A problem as the overlay shows it. */
export interface DevDiagnostic {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly hint?: string;
}

export interface DevChannel {
  publish(event: DevEvent): void;
  /** The SSE response for one browser; the latest diagnostics are sent at once. */
  stream(request: Request): Response;
  /** How many browsers listen (tests, the terminal line). */
  readonly listeners: number;
}

const encoder = new TextEncoder();
const frame = (event: DevEvent) => encoder.encode(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);

/**
 * A channel that survives model swaps (the dev server replaces the app, not the channel).
 *
 * @example const channel = createDevChannel(); channel.publish({ type: "reload", hash, ms: 42 });
 */
export function createDevChannel(): DevChannel {
  const clients = new Set<ReadableStreamDefaultController<Uint8Array>>();
  let pending: DevEvent | undefined; // diagnostics still standing, for browsers that connect now
  return {
    publish(event) {
      pending = event.type === "diagnostics" ? event : undefined;
      for (const client of clients) {
        try {
          client.enqueue(frame(event));
        } catch {
          clients.delete(client); // that browser went away
        }
      }
    },
    stream(request) {
      let self: ReadableStreamDefaultController<Uint8Array>;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          self = controller;
          clients.add(controller);
          controller.enqueue(encoder.encode(": weave dev\n\n"));
          if (pending) controller.enqueue(frame(pending));
          request.signal.addEventListener("abort", () => {
            clients.delete(controller);
            try {
              controller.close();
            } catch {
              // already closed
            }
          });
        },
        cancel() {
          clients.delete(self);
        },
      });
      return new Response(body, { headers: { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" } });
    },
    get listeners() {
      return clients.size;
    },
  };
}
