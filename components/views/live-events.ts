/**
 * Keeps a view current: subscribes to the server's events for the entity it shows and asks it to
 * reload shortly after one arrives (a burst of writes reloads once). Follows the entity as it
 * changes; stops when the host leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { WeaveClient } from "../client/index.ts";

/** How long after the last event a view reloads. */
const LIVE_DELAY_MS = 250;

export class LiveEventsController implements ReactiveController {
  readonly #client: () => WeaveClient;
  readonly #entity: () => string | undefined;
  readonly #reload: () => void;
  #subscribedTo: string | undefined;
  #unsubscribe: (() => void) | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @example readonly #live = new LiveEventsController(this, () => this.#s.session.client, () => this.#entity()?.name, () => this.refresh());
   */
  constructor(host: ReactiveControllerHost, client: () => WeaveClient, entity: () => string | undefined, reload: () => void) {
    this.#client = client;
    this.#entity = entity;
    this.#reload = reload;
    host.addController(this);
  }

  hostUpdated(): void {
    const name = this.#entity();
    if (name === this.#subscribedTo) return;
    this.#stop();
    this.#subscribedTo = name;
    if (!name) return;
    this.#unsubscribe = this.#client().subscribe(() => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(this.#reload, LIVE_DELAY_MS);
    }, { entity: name });
  }

  hostDisconnected(): void {
    this.#stop();
    this.#subscribedTo = undefined;
  }

  #stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    clearTimeout(this.#timer);
  }
}
