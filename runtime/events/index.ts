/**
 * Events: the in-process bus writes publish to after commit, and the server-sent event stream of
 * `GET /api/_events`. Event types are `<entity>.created|updated|deleted|transitioned` with the
 * entity in camelCase (`invoiceLine.updated`), and `<entity>.<event>` for a transition's `emit`
 * effects (`invoice.invoiceSent`).
 *
 * @example
 *   const events = createEventBus();
 *   events.subscribe((event) => { if (event.type === "invoice.invoiceSent") queueReminder(event.id); });
 */
export { createEventBus, type EventBusOptions } from "./event-bus.ts";
export { eventFilter, eventStream, type EventQuery, type EventStreamOptions } from "./event-stream.ts";
export type { EventBus, WeaveEvent } from "../server/context.ts";
