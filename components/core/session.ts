/**
 * One API connection as the components see it: the client, the caller (`me`), the UI metadata
 * for them (`_meta`), and the locale. Elements read it through {@link SessionController}; it tells
 * them to redraw (event `change`) when the user signs in or out or switches locale or tenant.
 */
import { ApiError, createClient, type Me, type Meta, type MetaEntity, type WeaveClient } from "../client/index.ts";
import { collectionOf } from "./paths.ts";
import { preferredLocale, type Translator, translator } from "./i18n.ts";

const LOCALE_KEY = "weave.locale";

export class WeaveSession extends EventTarget {
  readonly client: WeaveClient;
  meta: Meta | undefined;
  /** The signed-in caller; null when anonymous; undefined until known. */
  me: Me | null | undefined;
  /** Why the metadata could not load, if it could not. */
  error: ApiError | undefined;
  i18n: Translator;
  /** Where the app shell routes live (`/app`), so elements render real links; unset when embedded. */
  appBase: string | undefined;
  #loading: Promise<void> | undefined;

  constructor(client: WeaveClient) {
    super();
    this.client = client;
    this.i18n = translator(undefined, "en");
  }

  /** Loads `me` and `_meta` once; later calls share the first load. */
  ready(): Promise<void> {
    this.#loading ??= this.#load();
    return this.#loading;
  }

  /** Loads again (after sign-in, sign-out or a tenant switch) and tells every element. */
  async reload(): Promise<void> {
    this.#loading = this.#load();
    await this.#loading;
  }

  async #load(): Promise<void> {
    this.me = await this.client.auth.me().catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }).catch(() => null);
    try {
      this.meta = await this.client.meta();
      this.error = undefined;
    } catch (error) {
      this.meta = undefined;
      this.error = error instanceof ApiError ? error : new ApiError({ type: "about:blank", title: String(error), status: 0 });
    }
    const { default: fallback = "en", supported = ["en"] } = this.meta?.app.locales ?? {};
    this.i18n = translator(this.meta, preferredLocale(supported, fallback, storage()?.getItem(LOCALE_KEY) ?? null));
    this.#changed();
  }

  /** Switches the locale and remembers the choice in this browser. */
  setLocale(locale: string): void {
    storage()?.setItem(LOCALE_KEY, locale);
    this.i18n = translator(this.meta, locale);
    document.documentElement.lang = locale;
    this.#changed();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.client.auth.login(email, password);
    await this.reload();
  }

  async signOut(): Promise<void> {
    await this.client.auth.logout().catch(() => undefined);
    await this.reload();
  }

  /**
   * The entity an attribute names: its name (`Invoice`, any case) or its collection (`invoices`).
   *
   * @example session.entity("invoice")?.path // "/api/invoices"
   */
  entity(name: string | undefined): MetaEntity | undefined {
    if (!name || !this.meta) return undefined;
    const wanted = name.toLowerCase();
    return this.meta.entities.find((e) => e.name.toLowerCase() === wanted || collectionOf(e) === wanted);
  }

  #changed(): void {
    this.dispatchEvent(new Event("change"));
  }
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage blocked (third-party frame): choices last for the page only
  }
}

const sessions = new Map<string, WeaveSession>();

/**
 * The shared session for an API base URL; elements outside a `<weave-app>` use it, so every
 * element on a page that talks to the same API shares one sign-in and one metadata load.
 *
 * @example sessionFor("http://localhost:3000").client.list("/api/invoices")
 */
export function sessionFor(baseUrl: string): WeaveSession {
  const key = baseUrl.replace(/\/$/, "");
  let session = sessions.get(key);
  if (!session) sessions.set(key, (session = new WeaveSession(createClient({ baseUrl: key }))));
  return session;
}

/** Where the API is when an element does not say: the origin that served the weave bundle. */
export function defaultBaseUrl(): string {
  try {
    return new URL(import.meta.url).origin;
  } catch {
    return globalThis.location?.origin ?? "";
  }
}
