/**
 * The SMTP transport against a real SMTP server (`smtp-server` on loopback, no TLS): settings
 * from the environment, and a magic link requested through `createServer` that arrives by SMTP.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { SMTPServer } from "smtp-server";
import { planMigration, renderMigrationFile } from "../../../compiler/generators/sql/index.ts";
import { compileApp } from "../../../compiler/index.ts";
import { SmtpConfigError, smtpTransport, transportFromEnvironment } from "../../../runtime/auth/smtp.ts";
import { createServer } from "../../../runtime/index.ts";
import { applyMigrations } from "../../../runtime/db/migrations/apply.ts";
import { writeMigration } from "../../../runtime/db/migrations/migration-folder.ts";
import { forEachDatabase } from "../../helpers/db.ts";

interface Received {
  from: string;
  to: string[];
  user: string | undefined;
  data: string;
}

const received: Received[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  allowInsecureAuth: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onAuth(auth, _session, done) {
    if (auth.username === "mailer" && auth.password === "p@ss:word") done(null, { user: auth.username });
    else done(new Error("invalid credentials"));
  },
  onData(stream, session, done) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      const { mailFrom, rcptTo } = session.envelope;
      received.push({ from: mailFrom ? mailFrom.address : "", to: rcptTo.map((r) => r.address), user: session.user, data: Buffer.concat(chunks).toString("utf8") });
      done();
    });
  },
});
let port = 0;
beforeAll(async () => {
  await new Promise<void>((ready) => smtp.listen(0, "127.0.0.1", ready));
  port = (smtp.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((closed) => smtp.close(closed)));

/** The body of a received mail with quoted-printable soft breaks and escapes undone. */
const bodyOf = (mail: Received) =>
  mail.data
    .split(/\r\n\r\n/)
    .slice(1)
    .join("\n\n")
    .replace(/=\r\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe("smtpTransport settings", () => {
  const cases: [string, { env: Record<string, string>; want: RegExp }][] = [
    ["missing URL names the variable", { env: {}, want: /WEAVE_SMTP_URL is not set/ }],
    ["another scheme", { env: { WEAVE_SMTP_URL: "http://mail.example.test" }, want: /WEAVE_SMTP_URL has the scheme http:/ }],
    ["not a URL, without echoing the secret", { env: { WEAVE_SMTP_URL: "secret-password" }, want: /^WEAVE_SMTP_URL is not a URL(?!.*secret-password)/ }],
  ];
  for (const [name, { env, want }] of cases) {
    test(name, () => {
      expect(() => smtpTransport({ from: "a@example.test", env })).toThrow(SmtpConfigError);
      expect(() => smtpTransport({ from: "a@example.test", env })).toThrow(want);
    });
  }

  test("transportFromEnvironment: none without WEAVE_SMTP_URL; with it, WEAVE_SMTP_FROM is required", () => {
    expect(transportFromEnvironment({})).toBeUndefined();
    expect(() => transportFromEnvironment({ WEAVE_SMTP_URL: "smtp://127.0.0.1:2525" })).toThrow(/WEAVE_SMTP_FROM is not set/);
    expect(transportFromEnvironment({ WEAVE_SMTP_URL: "smtp://127.0.0.1:2525", WEAVE_SMTP_FROM: "a@example.test" })).toBeDefined();
  });

  test("sends with the credentials of the URL, percent-decoded", async () => {
    const transport = transportFromEnvironment({ WEAVE_SMTP_URL: `smtp://mailer:p%40ss%3Aword@127.0.0.1:${port}`, WEAVE_SMTP_FROM: "Books <books@example.test>" })!;
    await transport.send({ to: "ann@example.test", subject: "Hello", text: "Hi Ann" });
    const mail = received.at(-1)!;
    expect(mail).toMatchObject({ from: "books@example.test", to: ["ann@example.test"], user: "mailer" });
    expect(mail.data).toContain("Subject: Hello");
    expect(bodyOf(mail)).toContain("Hi Ann");
  });

  test("a wrong password or an unreachable server rejects the send", async () => {
    const wrong = smtpTransport({ url: `smtp://mailer:nope@127.0.0.1:${port}`, from: "a@example.test" });
    await expect(wrong.send({ to: "ann@example.test", subject: "x", text: "x" })).rejects.toThrow();
    const closed = smtpTransport({ url: "smtp://127.0.0.1:1", from: "a@example.test" });
    await expect(closed.send({ to: "ann@example.test", subject: "x", text: "x" })).rejects.toThrow();
  });
});

const example = resolve(import.meta.dir, "../../../examples/invoicing");
const { ir } = await compileApp(example);
const dir = mkdtempSync(join(tmpdir(), "weave-smtp-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeMigration(dir, "0001_initial", renderMigrationFile("0001", "initial", undefined, ir!.hash, planMigration(undefined, ir!).steps), ir!);

forEachDatabase("magic link by SMTP", (target) => {
  test("a requested magic link arrives at the SMTP server with the link in its body", async () => {
    expect((await applyMigrations(target.database, { dir })).problems).toEqual([]);
    const transport = smtpTransport({ url: `smtp://127.0.0.1:${port}`, from: "Books <books@example.test>" });
    const server = createServer(ir!, { database: target.database, log: false, appDir: example, auth: { transport } });
    const post = (path: string, body: unknown) =>
      server.app.handle(new Request(`http://localhost${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
    expect((await post("/api/auth/register", { email: "gina@example.test", password: "correct horse battery" })).status).toBe(201);

    const before = received.length;
    expect((await post("/api/auth/magic-link", { email: "gina@example.test" })).status).toBe(202);
    expect(received.length).toBe(before + 1);
    const mail = received.at(-1)!;
    expect(mail.to).toEqual(["gina@example.test"]);
    const token = /http:\/\/localhost\/auth\/magic-link\?token=([\w-]+)/.exec(bodyOf(mail))?.[1];
    expect(token).toBeDefined();
    const redeemed = await post("/api/auth/magic-link/redeem", { token });
    expect(redeemed.status).toBe(200);
    expect((await redeemed.json()).user.email).toBe("gina@example.test");
  });
});
