/**
 * Outgoing mail behind one small interface, so an app picks its transport (SMTP, a provider's API)
 * and tests and `weave dev` use the outbox.
 */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

/** A transport that keeps messages in memory and prints them: development and tests. */
export interface DevOutbox extends MailTransport {
  readonly messages: readonly (MailMessage & { readonly at: string })[];
}

/**
 * The development outbox: every message is kept (the latest 100) and printed to `print`
 * (stderr by default), and `GET /api/_dev/outbox` lists them when dev identity is on.
 *
 * @example
 *   const outbox = devOutbox(() => {});
 *   await outbox.send({ to: "a@b.test", subject: "Hi", text: "…" });
 *   outbox.messages.length; // 1
 */
export function devOutbox(print: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): DevOutbox {
  const messages: (MailMessage & { at: string })[] = [];
  return {
    messages,
    async send(message) {
      messages.push({ ...message, at: new Date().toISOString() });
      if (messages.length > 100) messages.shift();
      print(`weave outbox: to ${message.to}: ${message.subject}\n${message.text}`);
    },
  };
}
