/**
 * Gives an element its session: the one a `<weave-app>` (or any provider) above it offers,
 * else the shared one for its `api` attribute, else for the origin that served the bundle. The
 * element redraws whenever the session changes (sign-in, locale, tenant).
 */
import { ContextConsumer } from "@lit/context";
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { sessionContext } from "./context.ts";
import { defaultBaseUrl, sessionFor, type WeaveSession } from "./session.ts";

type Host = ReactiveControllerHost & HTMLElement & { api?: string | undefined };

export class SessionController implements ReactiveController {
  readonly #host: Host;
  readonly #consumer: ContextConsumer<{ __context__: WeaveSession }, Host>;
  #session: WeaveSession | undefined;
  readonly #onChange = () => this.#host.requestUpdate();

  constructor(host: Host) {
    this.#host = host;
    this.#consumer = new ContextConsumer(host, { context: sessionContext, subscribe: true, callback: (session) => this.#use(session) });
    host.addController(this);
  }

  /** The session; always set once the host is connected. */
  get session(): WeaveSession {
    if (!this.#session) this.#use(sessionFor(this.#host.api ?? defaultBaseUrl()));
    return this.#session!;
  }

  hostConnected(): void {
    // The consumer (added first) has asked its providers by now; nobody answered: go standalone.
    if (!this.#consumer.value && !this.#session) this.#use(sessionFor(this.#host.api ?? defaultBaseUrl()));
    this.#session?.addEventListener("change", this.#onChange);
    void this.#session?.ready();
  }

  hostDisconnected(): void {
    this.#session?.removeEventListener("change", this.#onChange);
  }

  #use(session: WeaveSession): void {
    if (session === this.#session) return;
    this.#session?.removeEventListener("change", this.#onChange);
    this.#session = session;
    if (this.#host.isConnected) session.addEventListener("change", this.#onChange);
    void session.ready().then(this.#onChange);
    this.#host.requestUpdate();
  }
}
