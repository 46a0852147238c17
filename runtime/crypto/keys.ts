/**
 * The encryption keys of `encrypted` fields, read from the environment: `WEAVE_ENCRYPTION_KEY`
 * (one key, base64 of 32 bytes, id `default`) or, while rotating, `WEAVE_ENCRYPTION_KEYS`
 * (`id:base64,id:base64`: the first encrypts, every one decrypts). See spec/persistence.md.
 */

/** A key and the id its ciphertexts carry. */
export interface EncryptionKey {
  readonly id: string;
  readonly key: Buffer;
}

/** The keys in use: `primary` encrypts, any of `byId` decrypts. */
export interface KeyRing {
  readonly primary: EncryptionKey;
  readonly byId: ReadonlyMap<string, EncryptionKey>;
}

/** A missing, malformed or wrong key, or a value that does not decrypt: a deployment problem, not a request's. */
export class EncryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EncryptionError";
  }
}

/** The id a key from `WEAVE_ENCRYPTION_KEY` has. */
export const DEFAULT_KEY_ID = "default";

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

let cached: { source: string; ring: KeyRing } | undefined;

/**
 * The key ring from `env` (parsed once per distinct value); throws an `EncryptionError` naming
 * the variable when it is missing or malformed.
 *
 * @example
 *   keyRing({ WEAVE_ENCRYPTION_KEYS: "k2:<base64 of 32 bytes>,default:<base64 of 32 bytes>" }).primary.id // "k2"
 */
export function keyRing(env: Readonly<Record<string, string | undefined>> = process.env): KeyRing {
  const many = env.WEAVE_ENCRYPTION_KEYS?.trim();
  const one = env.WEAVE_ENCRYPTION_KEY?.trim();
  const source = `${many ?? ""}\n${one ?? ""}`;
  if (cached?.source === source) return cached.ring;
  const ring = parse(many, one);
  cached = { source, ring };
  return ring;
}

function parse(many: string | undefined, one: string | undefined): KeyRing {
  if (many && one) throw new EncryptionError("both WEAVE_ENCRYPTION_KEYS and WEAVE_ENCRYPTION_KEY are set: set only WEAVE_ENCRYPTION_KEYS while rotating (list the old key as `default:<key>`)");
  if (many) return ringOf(many.split(",").map((entry, i) => listed(entry.trim(), i)));
  if (one) return ringOf([{ id: DEFAULT_KEY_ID, key: decodeKey(one, "WEAVE_ENCRYPTION_KEY") }]);
  throw new EncryptionError("WEAVE_ENCRYPTION_KEY is not set: encrypted fields need a key, the base64 of 32 random bytes (e.g. `openssl rand -base64 32`)");
}

function listed(entry: string, i: number): EncryptionKey {
  const at = entry.indexOf(":");
  const id = entry.slice(0, at);
  if (at < 0 || !KEY_ID.test(id)) throw new EncryptionError(`WEAVE_ENCRYPTION_KEYS entry ${i + 1} is not \`id:base64key\` (the id: letters, digits, - or _)`);
  return { id, key: decodeKey(entry.slice(at + 1), `WEAVE_ENCRYPTION_KEYS entry ${i + 1} (${id})`) };
}

function decodeKey(text: string, where: string): Buffer {
  const key = BASE64.test(text) ? Buffer.from(text, "base64") : Buffer.alloc(0);
  if (key.length !== 32) throw new EncryptionError(`${where} is not the base64 of 32 bytes (AES-256 needs a 256-bit key; make one with \`openssl rand -base64 32\`)`);
  return key;
}

function ringOf(keys: EncryptionKey[]): KeyRing {
  const byId = new Map<string, EncryptionKey>();
  for (const key of keys) {
    if (byId.has(key.id)) throw new EncryptionError(`WEAVE_ENCRYPTION_KEYS lists the key id \`${key.id}\` twice`);
    byId.set(key.id, key);
  }
  return { primary: keys[0]!, byId };
}
