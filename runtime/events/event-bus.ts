/**
 * The in-process event bus: writes publish after their transaction commits, `/api/_events`
 * streams subscribe. Fan-out is synchronous and in subscription order; a listener that throws is
 * reported to `onError` and never stops the others, nor the publisher.
 */
import type { EventBus, WeaveEvent } from "../server/context.ts";

export interface EventBusOptions {
  /** Called with a listener's error. Default: `console.error`. */
  readonly onError?: (error: unknown, event: WeaveEvent) => void;
}

/**
 * A new, empty bus.
 *
 * @example
 *   const events = createEventBus();
 *   const stop = events.subscribe((event) => console.log(event.type)); // "invoice.created"
 *   events.publish({ type: "invoice.created", entity: "Invoice", id, tenantId, at: new Date().toISOString(), data: {} });
 *   stop();
 */
export function createEventBus(options: EventBusOptions = {}): EventBus {
  const listeners = new Set<(event: WeaveEvent) => void>();
  const onError = options.onError ?? ((error: unknown, event: WeaveEvent) => console.error(`weave: an event listener failed on ${event.type}:`, error));
  return {
    publish(event) {
      // A copy, so a listener that unsubscribes (or subscribes) while being called changes nothing now.
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          onError(error, event);
        }
      }
    },
    subscribe(listener) {
      // Wrapped, so the same function subscribed twice is called twice and unsubscribed once each.
      const entry = (event: WeaveEvent) => listener(event);
      listeners.add(entry);
      return () => void listeners.delete(entry);
    },
  };
}
