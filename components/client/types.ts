/** The shapes the API answers with (spec/api.md), as the components and the SDK read them. */

/** What the caller may do with one record, computed by the server. */
export interface Can {
  readonly update: boolean;
  readonly delete: boolean;
  readonly transitions: Readonly<Record<string, boolean>>;
  readonly actions: Readonly<Record<string, boolean>>;
  /** The fields a PATCH may name. */
  readonly fields: readonly string[];
}

/** A record: its fields by name, plus the system properties. */
export interface WeaveRecord {
  readonly id?: string;
  readonly version?: number;
  readonly createdAt?: string;
  readonly updatedAt?: string;
  readonly _can?: Can;
  readonly _included?: Readonly<Record<string, WeaveRecord | readonly WeaveRecord[] | null>>;
  readonly [field: string]: unknown;
}

export interface ListPage<R = WeaveRecord> {
  readonly data: readonly R[];
  readonly page: { readonly size: number; readonly after?: string; readonly offset?: number };
  readonly count?: number;
}

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string | null;
  readonly roles?: readonly string[];
}

/** An API token as `GET /api/auth/tokens` lists it (the secret itself is shown only on creation). */
export interface ApiToken {
  readonly id: string;
  readonly name: string;
  readonly scopes: readonly ("read" | "write")[];
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
}

export interface Membership {
  readonly tenant: { readonly id: string; readonly key: string; readonly name: string };
  readonly roles: readonly string[];
}

export interface Me {
  readonly user: User;
  readonly memberships: readonly Membership[];
  readonly tenant?: string | null;
}

/** One field as `GET /api/_meta` describes it. */
export interface MetaField {
  readonly name: string;
  readonly label: string;
  readonly type: string;
  readonly required: boolean;
  readonly readonly: boolean;
  readonly help?: string;
  readonly placeholder?: string;
  readonly values?: readonly { readonly value: string; readonly label: string }[];
  readonly to?: readonly string[];
  readonly many?: boolean;
  /** A relation's field on the other side (`lines` of Invoice: `invoice` of InvoiceLine). */
  readonly inverse?: string;
  /** The server fills the field when a create leaves it out. */
  readonly hasDefault?: boolean;
  readonly currency?: string;
  readonly currencyField?: string;
  readonly scale?: number;
  readonly min?: number | string;
  readonly max?: number | string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly accept?: readonly string[];
  /** A file field's largest size in bytes. */
  readonly maxSize?: number;
  readonly array?: boolean;
  readonly fields?: readonly MetaField[];
  /** A literal default (not an expression): what a new record or an action's input starts with. */
  readonly default?: string | number | boolean | null;
}

export interface MetaSection {
  readonly label?: string;
  readonly fields: readonly string[];
}

export interface MetaViews {
  readonly list: { readonly columns: readonly string[]; readonly filters: readonly string[]; readonly sort: readonly string[]; readonly search?: boolean; readonly pageSize?: number };
  readonly detail: { readonly sections: readonly MetaSection[]; readonly tabs: readonly { readonly label: string; readonly relation?: string; readonly audit?: boolean; readonly fields?: readonly string[] }[] };
  readonly form: { readonly sections: readonly MetaSection[] };
  readonly kanban?: { readonly by: string; readonly title?: string; readonly fields?: readonly string[] };
}

export interface MetaEntity {
  readonly name: string;
  readonly label: string;
  readonly plural: string;
  /** The collection's path: `/api/invoices`. */
  readonly path: string;
  readonly key: readonly string[];
  /** The field that names a record in pickers and titles. */
  readonly title: string;
  readonly search?: boolean;
  readonly create: boolean;
  readonly fields: readonly MetaField[];
  readonly views: MetaViews;
  readonly states: readonly { readonly machine?: string; readonly field: string; readonly initial: string; readonly states: readonly { readonly name: string; readonly label: string; readonly final: boolean }[] }[];
  readonly transitions: readonly { readonly machine?: string; readonly name: string; readonly label: string; readonly from: readonly string[]; readonly to: string }[];
  readonly actions: readonly { readonly name: string; readonly label: string; readonly description?: string; readonly scope: string; readonly can?: boolean; readonly input?: readonly MetaField[] }[];
}

export interface Meta {
  readonly app: { readonly name: string; readonly title: string; readonly locales: { readonly default: string; readonly supported: readonly string[] }; readonly auth?: { readonly password: boolean; readonly magicLink: boolean } };
  readonly entities: readonly MetaEntity[];
  readonly i18n: Readonly<Record<string, Readonly<Record<string, string>>>>;
}
