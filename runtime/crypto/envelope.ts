/**
 * AES-256-GCM with node:crypto. A value is stored as the envelope
 * `v1:<keyId>:<iv base64>:<ciphertext+tag base64>`: a random 96-bit IV per value, and the place
 * the value belongs to (`table.column`) as additional authenticated data, so a ciphertext copied
 * to another column, or altered, does not decrypt.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { EncryptionError, type KeyRing } from "./keys.ts";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The envelope of `plaintext` under the ring's primary key, bound to `aad`.
 *
 * @example seal(keyRing(), "customers.iban", '"DE89…"') // "v1:default:Zm9v…:YmFy…"
 */
export function seal(ring: KeyRing, aad: string, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", ring.primary.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}:${ring.primary.id}:${iv.toString("base64")}:${body.toString("base64")}`;
}

/** The key id an envelope was sealed with, or undefined when `text` is not an envelope. */
export function envelopeKeyId(text: string): string | undefined {
  const parts = text.split(":");
  return parts.length === 4 && parts[0] === VERSION ? parts[1] : undefined;
}

/**
 * The plaintext of an envelope sealed for `aad`; an `EncryptionError` (never garbage) when the
 * key is unknown or wrong, or the value was altered or belongs to another column.
 */
export function open(ring: KeyRing, aad: string, envelope: string): string {
  const [version, keyId, ivText, bodyText, ...rest] = envelope.split(":");
  if (version !== VERSION || rest.length > 0 || !keyId || !ivText || !bodyText) throw new EncryptionError(`${aad} holds a value that is not a weave ciphertext (v1:<keyId>:<iv>:<data>)`);
  const entry = ring.byId.get(keyId);
  if (!entry) throw new EncryptionError(`${aad} was encrypted with key \`${keyId}\`, which the environment does not give (known: ${[...ring.byId.keys()].join(", ")}); add it to WEAVE_ENCRYPTION_KEYS`);
  const iv = Buffer.from(ivText, "base64");
  const body = Buffer.from(bodyText, "base64");
  if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw new EncryptionError(`${aad} holds a truncated ciphertext`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", entry.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, "utf8"));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new EncryptionError(`${aad} does not decrypt with key \`${keyId}\`: the key is not the one it was encrypted with, or the value was altered or copied from another column`);
  }
}
