import { locate, type DocPath } from "../load/locate.ts";
import type { SourceFile } from "../load/source-file.ts";
import type { CheckContext } from "./context.ts";
import type { EntityLike, FieldSpecLike } from "./model.ts";

/** Types an encrypted field cannot have: the database must read their values (joins, state checks). */
const NOT_ENCRYPTABLE = new Set(["ref", "one", "state"]);

/**
 * Refuses what the database would have to do with an encrypted field's plaintext (WV319): it holds
 * only ciphertext, so such a field cannot be unique, a key, indexed, searched, computed, a
 * relation or a state, nor have a default or backfill computed in SQL.
 *
 * @example
 *   checkEncrypted(ctx, file, { entity: "Customer", fields: { iban: { type: "string", encrypted: true, unique: true } } });
 *   // WV319 at fields.iban.unique
 */
export function checkEncrypted(ctx: CheckContext, file: SourceFile, entity: EntityLike): void {
  const encrypted = (name: string) => entity.fields[name]?.encrypted === true;
  const refuse = (at: DocPath, message: string, hint: string, kind?: "key") => ctx.reporter.report("WV319", locate(file, at, kind), message, hint);
  for (const [name, field] of Object.entries(entity.fields)) {
    if (field.encrypted === true) checkField(refuse, name, field);
  }
  const key = entity.key === undefined ? [] : [entity.key as string | string[]].flat();
  key.forEach((name, i) => {
    if (encrypted(name)) refuse(Array.isArray(entity.key) ? ["key", i] : ["key"], `key field \`${name}\` is encrypted: a key must be looked up in the database`, "choose a field that is not encrypted as the key");
  });
  ((entity.indexes ?? []) as { fields: string[] }[]).forEach((index, i) => {
    index.fields.forEach((name, j) => {
      if (encrypted(name)) refuse(["indexes", i, "fields", j], `\`${name}\` is encrypted and cannot be indexed: the database holds only ciphertext`, "remove it from the index");
    });
  });
  if (Array.isArray(entity.search)) {
    (entity.search as string[]).forEach((name, i) => {
      if (encrypted(name)) refuse(["search", i], `\`${name}\` is encrypted and cannot be searched: the database holds only ciphertext`, "remove it from `search`");
    });
  }
}

type Refuse = (at: DocPath, message: string, hint: string, kind?: "key") => void;

function checkField(refuse: Refuse, name: string, field: FieldSpecLike): void {
  const at: DocPath = ["fields", name];
  const conflict = (key: string, why: string) => refuse([...at, key], `encrypted field \`${name}\` cannot be ${why}: the database holds only its ciphertext`, `remove \`${key}\` or \`encrypted\``, "key");
  if (field.unique) conflict("unique", "unique");
  if (field.uniqueWithin !== undefined) conflict("uniqueWithin", "unique");
  if (field.computed !== undefined) conflict("computed", "computed in SQL");
  if (field.default !== undefined) conflict("default", "given a database default");
  if (field.backfill !== undefined) conflict("backfill", "backfilled in SQL");
  if (NOT_ENCRYPTABLE.has(field.type)) refuse([...at, "encrypted"], `a ${field.type} field cannot be encrypted: the database reads its value`, "remove `encrypted`", "key");
}
