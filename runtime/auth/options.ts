import type { MailTransport } from "./mail.ts";

/** Settings of authentication that are not part of the model (weave.yaml holds the model's). */
export interface AuthOptions {
  /** How mail is sent. Default: the development outbox when `devIdentity` is on, else none (magic links answer 501). */
  readonly transport?: MailTransport;
  /** Behind a reverse proxy that sets X-Forwarded-For: read the client's address from it. Default false. */
  readonly trustProxy?: boolean;
  /** Attempts allowed per address and per account in each window, for register, login and magic links. Default 10 per 15 minutes. */
  readonly rateLimit?: { readonly limit: number; readonly windowSeconds: number };
  /** The link a magic-link mail carries. Default `<request origin>/auth/magic-link?token=<token>`. */
  readonly magicLinkUrl?: (token: string, request: Request) => string;
}

/** What `createServer` accepts for authentication, beside ServerOptions. */
export interface AuthServerOptions {
  readonly auth?: AuthOptions;
}

export const DEFAULT_RATE_LIMIT = { limit: 10, windowSeconds: 15 * 60 } as const;
