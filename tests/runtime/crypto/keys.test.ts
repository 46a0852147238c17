/** Key parsing and the envelope, without a database. */
import { expect, test } from "bun:test";
import { randomBytes } from "node:crypto";
import { EncryptionError, keyRing, open, seal } from "../../../runtime/crypto/index.ts";

const KEY = randomBytes(32).toString("base64");
const OTHER = randomBytes(32).toString("base64");

test.each([
  ["nothing set", {}, "WEAVE_ENCRYPTION_KEY is not set"],
  ["a short key", { WEAVE_ENCRYPTION_KEY: randomBytes(16).toString("base64") }, "WEAVE_ENCRYPTION_KEY is not the base64 of 32 bytes"],
  ["not base64", { WEAVE_ENCRYPTION_KEY: "not a key!" }, "WEAVE_ENCRYPTION_KEY is not the base64 of 32 bytes"],
  ["a list entry without an id", { WEAVE_ENCRYPTION_KEYS: KEY }, "WEAVE_ENCRYPTION_KEYS entry 1 is not `id:base64key`"],
  ["a bad second key", { WEAVE_ENCRYPTION_KEYS: `k2:${KEY},old:xyz` }, "WEAVE_ENCRYPTION_KEYS entry 2 (old) is not the base64 of 32 bytes"],
  ["an id twice", { WEAVE_ENCRYPTION_KEYS: `a:${KEY},a:${OTHER}` }, "lists the key id `a` twice"],
  ["both variables", { WEAVE_ENCRYPTION_KEY: KEY, WEAVE_ENCRYPTION_KEYS: `a:${KEY}` }, "both WEAVE_ENCRYPTION_KEYS and WEAVE_ENCRYPTION_KEY are set"],
] as const)("%s is refused, naming the variable", (_name, env, message) => {
  expect(() => keyRing(env)).toThrow(EncryptionError);
  expect(() => keyRing(env)).toThrow(message);
});

test("the first listed key encrypts; every listed key decrypts", () => {
  const old = keyRing({ WEAVE_ENCRYPTION_KEY: KEY });
  const both = keyRing({ WEAVE_ENCRYPTION_KEYS: ` k2:${OTHER} , default:${KEY} ` });
  expect(both.primary.id).toBe("k2");
  const sealed = seal(old, "t.c", "secret");
  expect(sealed).toMatch(/^v1:default:[A-Za-z0-9+/]{16}:/);
  expect(open(both, "t.c", sealed)).toBe("secret");
  expect(seal(both, "t.c", "secret")).toMatch(/^v1:k2:/);
});

test.each([
  ["another column", (s: string) => s, "t.other", "t.other does not decrypt with key `default`"],
  ["an altered ciphertext", (s: string) => s.slice(0, -6) + (s.endsWith("AAAA==") ? "BBBB==" : "AAAA=="), "t.c", "does not decrypt"],
  ["an unknown key id", (s: string) => s.replace("v1:default:", "v1:gone:"), "t.c", "key `gone`, which the environment does not give"],
  ["not an envelope", () => "plain text", "t.c", "not a weave ciphertext"],
] as const)("%s does not open", (_name, change, aad, message) => {
  const ring = keyRing({ WEAVE_ENCRYPTION_KEY: KEY });
  expect(() => open(ring, aad, change(seal(ring, "t.c", "secret")))).toThrow(message);
});

test("createServer refuses to start without a key when the model has encrypted fields", async () => {
  const { loadSpec } = await import("../../helpers/spec-app.ts");
  const { createServer, createDatabase } = await import("../../../runtime/index.ts");
  const spec = `{schema}\nentity: Account\nfields:\n  iban: { type: string, encrypted: true }\npolicies:\n  read: "true"\n`;
  const { ir } = await loadSpec({ "domain/account.entity.yaml": spec });
  const saved = { one: process.env.WEAVE_ENCRYPTION_KEY, many: process.env.WEAVE_ENCRYPTION_KEYS };
  delete process.env.WEAVE_ENCRYPTION_KEY;
  delete process.env.WEAVE_ENCRYPTION_KEYS;
  const database = createDatabase({ dataDir: "memory" });
  try {
    expect(() => createServer(ir, { database, log: false })).toThrow(/WEAVE_ENCRYPTION_KEY/);
  } finally {
    if (saved.one !== undefined) process.env.WEAVE_ENCRYPTION_KEY = saved.one;
    if (saved.many !== undefined) process.env.WEAVE_ENCRYPTION_KEYS = saved.many;
    await database.close();
  }
});
