/**
 * The SMTP mail transport, through nodemailer. The server and its credentials come from the
 * environment (`WEAVE_SMTP_URL`, `WEAVE_SMTP_FROM`), never from weave.yaml or the code.
 */
import { createTransport } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import type { MailTransport } from "./mail.ts";

/** The variable holding the SMTP server's URL: `smtp://user:pass@host:587` or `smtps://…:465`. */
export const SMTP_URL_VARIABLE = "WEAVE_SMTP_URL";
/** The variable holding the sender address `transportFromEnvironment` uses. */
export const SMTP_FROM_VARIABLE = "WEAVE_SMTP_FROM";

type Env = Readonly<Record<string, string | undefined>>;

/** A missing or malformed SMTP setting: a deployment problem, not a request's. */
export class SmtpConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SmtpConfigError";
  }
}

export interface SmtpOptions {
  /** The server, `smtp://user:pass@host:587` (STARTTLS) or `smtps://user:pass@host:465`. Default: `WEAVE_SMTP_URL` from `env`. */
  readonly url?: string;
  /** The sender, `"Books <no-reply@books.example.com>"`. */
  readonly from: string;
  /** Where `url` is read from when not given. Default `process.env`. */
  readonly env?: Env;
}

/**
 * A transport that delivers through an SMTP server. `smtp://` to any host but loopback must
 * upgrade with STARTTLS (a magic link is a sign-in credential, so it never crosses the network
 * in clear); `smtps://` uses TLS from the start. Throws an `SmtpConfigError` naming
 * `WEAVE_SMTP_URL` when it is missing or malformed; the message never repeats the URL, which
 * holds the password.
 *
 * @example
 *   // WEAVE_SMTP_URL=smtp://apikey:secret@smtp.example.com:587
 *   createServer(ir, { database, auth: { transport: smtpTransport({ from: "Books <no-reply@books.example.com>" }) } });
 */
export function smtpTransport(options: SmtpOptions): MailTransport {
  const url = options.url ?? (options.env ?? process.env)[SMTP_URL_VARIABLE];
  const mailer = createTransport(connection(url));
  return {
    async send({ to, subject, text }) {
      // An address object, so a `to` holding a comma is one (invalid) recipient, never several.
      await mailer.sendMail({ from: options.from, to: { name: "", address: to }, subject, text });
    },
  };
}

/**
 * The SMTP transport when `WEAVE_SMTP_URL` is set (then `WEAVE_SMTP_FROM` is required too), else
 * undefined: the default transport outside development.
 *
 * @example
 *   const transport = transportFromEnvironment() ?? (devIdentity ? devOutbox() : undefined);
 */
export function transportFromEnvironment(env: Env = process.env): MailTransport | undefined {
  if (!env[SMTP_URL_VARIABLE]?.trim()) return undefined;
  const from = env[SMTP_FROM_VARIABLE]?.trim();
  if (!from) throw new SmtpConfigError(`${SMTP_FROM_VARIABLE} is not set: with ${SMTP_URL_VARIABLE} set, mail needs a sender, e.g. "Books <no-reply@books.example.com>"`);
  return smtpTransport({ from, env });
}

function connection(url: string | undefined): SMTPTransport.Options {
  if (!url?.trim()) throw new SmtpConfigError(`${SMTP_URL_VARIABLE} is not set: give the SMTP server as smtp://user:pass@host:587 (STARTTLS) or smtps://user:pass@host:465`);
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new SmtpConfigError(`${SMTP_URL_VARIABLE} is not a URL: expected smtp://user:pass@host:587 or smtps://user:pass@host:465 (percent-encode special characters of the password)`);
  }
  const secure = parsed.protocol === "smtps:";
  if (!secure && parsed.protocol !== "smtp:") throw new SmtpConfigError(`${SMTP_URL_VARIABLE} has the scheme ${parsed.protocol}, expected smtp: or smtps:`);
  if (!parsed.hostname) throw new SmtpConfigError(`${SMTP_URL_VARIABLE} names no host`);
  const host = parsed.hostname.replace(/^\[(.*)\]$/, "$1");
  return {
    host,
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    requireTLS: !secure && !isLoopback(host),
    auth: parsed.username ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } : undefined,
    // The magic-link request waits for the mail: fail in seconds rather than nodemailer's minutes.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}
