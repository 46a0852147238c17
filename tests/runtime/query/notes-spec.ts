/**
 * A small model for the read suites that the invoicing example does not cover: a read policy that
 * depends on the user, an entity without one, many-to-many, a polymorphic ref, a `one` relation,
 * serial ids, a compound key without an id, money without a fixed currency, and a shared entity.
 */
import { sql } from "kysely";
import type { TestDatabase } from "../../helpers/db.ts";
import { yaml, type SpecFiles } from "../../helpers/spec-app.ts";
import { TENANT_A, TENANT_B, USER_1, USER_2 } from "./fixtures.ts";

export const NOTES_SPEC: SpecFiles = {
  "domain/author.entity.yaml": yaml`
    {schema}
    entity: Author
    tenant: true
    fields:
      name: { type: string, required: true }
      notes: { type: many, to: Note, inverse: author }
      profile: { type: one, to: Profile, inverse: author }
    views:
      list: { sort: [name] }
    policies:
      read: "tenant.member"
  `,
  "domain/profile.entity.yaml": yaml`
    {schema}
    entity: Profile
    tenant: true
    fields:
      author: { type: one, to: Author }
      bio: { type: text }
    policies:
      read: "tenant.member"
  `,
  "domain/note.entity.yaml": yaml`
    {schema}
    entity: Note
    tenant: true
    fields:
      title: { type: string, required: true }
      owner: { type: uuid }
      secret: { type: boolean, default: false }
      tags: { type: many-to-many, to: Tag }
      subject: { type: ref, to: [Author, Profile] }
      author: { type: ref, to: Author }
      vault: { type: ref, to: Vault }
      fee: { type: money }
      score: { type: decimal, precision: 10, scale: 3 }
      meta: { type: json }
      titleLength: { type: int, computed: "size(title)" }
    search: [title]
    views:
      list: { sort: [title] }
    policies:
      read: "!record.secret || record.owner == user.id || 'admin' in tenant.roles"
  `,
  "domain/tag.entity.yaml": yaml`
    {schema}
    entity: Tag
    tenant: true
    id: serial
    key: name
    fields:
      name: { type: string, required: true }
      notes: { type: many-to-many, to: Note, inverse: tags }
    policies:
      read: "true"
  `,
  "domain/vault.entity.yaml": yaml`
    {schema}
    entity: Vault
    tenant: true
    fields:
      name: { type: string }
  `,
  "domain/pin.entity.yaml": yaml`
    {schema}
    entity: Pin
    tenant: true
    id: none
    key: [note, position]
    fields:
      note: { type: ref, to: Note, required: true }
      position: { type: int, required: true }
      label: { type: string }
    policies:
      read: "true"
  `,
  "domain/country.entity.yaml": yaml`
    {schema}
    entity: Country
    key: code
    fields:
      code: { type: string, required: true }
      name: { type: string }
    policies:
      read: "true"
  `,
};

export interface NotesSeed {
  readonly authors: Record<"ann" | "bob" | "carl", string>;
  readonly profile: string;
  /** n1 public (U1), n2 secret of U1, n3 secret of U2, n4 public without owner. */
  readonly notes: Record<"n1" | "n2" | "n3" | "n4", string>;
  readonly tags: Record<"red" | "blue" | "green", string>;
  readonly otherTenantAuthor: string;
}

const id = async (trx: any, query: ReturnType<typeof sql<{ id: string }>>) => String((await query.execute(trx)).rows[0]!.id);

export async function seedNotes(target: TestDatabase): Promise<NotesSeed> {
  const seeded = await target.asApp({ tenantId: TENANT_A }, async (trx) => {
    const authors = {
      ann: await id(trx, sql`insert into authors (name) values ('Ann') returning id`),
      bob: await id(trx, sql`insert into authors (name) values ('Bob') returning id`),
      carl: await id(trx, sql`insert into authors (name) values ('Carl') returning id`),
    };
    const profile = await id(trx, sql`insert into profiles (author_id, bio) values (${authors.ann}, 'Writes things') returning id`);
    const vault = await id(trx, sql`insert into vaults (name) values ('vault') returning id`);
    const notes = {
      n1: await id(trx, sql`insert into notes (title, secret, owner, author_id, subject_type, subject_id, fee, fee_currency, score, meta) values ('public note', false, ${USER_1}, ${authors.ann}, 'Author', ${authors.ann}, 12.5, 'EUR', 1.25, '{"a": 1}') returning id`),
      n2: await id(trx, sql`insert into notes (title, secret, owner, author_id, subject_type, subject_id) values ('my secret', true, ${USER_1}, ${authors.ann}, 'Profile', ${profile}) returning id`),
      n3: await id(trx, sql`insert into notes (title, secret, owner, author_id, vault_id) values ('their secret', true, ${USER_2}, ${authors.bob}, ${vault}) returning id`),
      n4: await id(trx, sql`insert into notes (title, author_id) values ('plain', ${authors.bob}) returning id`),
    };
    const tags = {
      red: await id(trx, sql`insert into tags (name) values ('red') returning id`),
      blue: await id(trx, sql`insert into tags (name) values ('blue') returning id`),
      green: await id(trx, sql`insert into tags (name) values ('green') returning id`),
    };
    await sql`insert into note_tags_links (note_id, tag_id) values (${notes.n1}, ${tags.red}::bigint), (${notes.n1}, ${tags.blue}::bigint), (${notes.n2}, ${tags.red}::bigint), (${notes.n3}, ${tags.red}::bigint)`.execute(trx);
    await sql`insert into pins (note_id, position, label) values (${notes.n1}, 1, 'first'), (${notes.n1}, 2, 'second'), (${notes.n3}, 1, 'third'), (${notes.n4}, 1, 'fourth')`.execute(trx);
    await sql`insert into countries (code, name) values ('DE', 'Germany'), ('FR', 'France')`.execute(trx);
    return { authors, profile, notes, tags };
  });
  const otherTenantAuthor = await target.asApp({ tenantId: TENANT_B }, (trx) => id(trx, sql`insert into authors (name) values ('Ann B') returning id`));
  return { ...seeded, otherTenantAuthor };
}
