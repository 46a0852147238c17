/**
 * Encryption at rest of `encrypted` fields: AES-256-GCM (node:crypto) under keys from the
 * environment. See spec/persistence.md, "Encrypted fields".
 */
export { DEFAULT_KEY_ID, EncryptionError, keyRing, type EncryptionKey, type KeyRing } from "./keys.ts";
export { envelopeKeyId, open, seal } from "./envelope.ts";
export { encryptedFields, fieldAad, openColumn, sealColumn } from "./fields.ts";
export { encryptionKeyUsage, reencrypt, type ReencryptOptions, type ReencryptResult } from "./reencrypt.ts";
