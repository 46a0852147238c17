/* Generated from schema/ by compiler/types/generate.ts. Do not edit: run `bun run gen:types`. */

/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "FieldType".
 */
export type FieldType =
  | "string"
  | "text"
  | "int"
  | "decimal"
  | "money"
  | "boolean"
  | "date"
  | "datetime"
  | "uuid"
  | "email"
  | "url"
  | "slug"
  | "enum"
  | "json"
  | "richtext"
  | "file"
  | "state"
  | "ref"
  | "one"
  | "many"
  | "many-to-many"
  | "embedded";
/**
 * A literal default or an expression evaluated on insert.
 *
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "DefaultValue".
 */
export type DefaultValue =
  | {
      value: string | number | boolean | null;
    }
  | {
      expr: Expression;
    };
/**
 * Expression AST node.
 *
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "Expr".
 */
export type Expr =
  | LiteralExpr
  | ListExpr
  | IdentExpr
  | RuleRefExpr
  | MemberExpr
  | CallExpr
  | MacroExpr
  | UnaryExpr
  | BinaryExpr
  | ConditionalExpr;
/**
 * The static type of an expression.
 *
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "ExprType".
 */
export type ExprType = ScalarType | EnumType | ListType | EntityType | ObjectType;
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "ScalarTypeName".
 */
export type ScalarTypeName =
  "int" | "decimal" | "money" | "string" | "bool" | "date" | "datetime" | "uuid" | "null" | "json" | "any";
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "Effect".
 */
export type Effect =
  | {
      kind: "set";
      field: string;
      value: Expression;
    }
  | {
      kind: "emit";
      event: string;
    };
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "ActionOutput".
 */
export type ActionOutput =
  | {
      kind: "entity";
      entity: string;
    }
  | {
      kind: "fields";
      fields: Field[];
    }
  | {
      kind: "none";
    };
/**
 * A value in a query: a field path, an aggregate, a date bucket, a window function, or an output column by name.
 *
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "QueryOperand".
 */
export type QueryOperand =
  | {
      /**
       * A field path: `total`, `customer.name`, `lines.total` (through a join).
       */
      field: string;
    }
  | {
      agg: "count" | "sum" | "avg" | "min" | "max";
      field?: string;
      distinct?: boolean;
    }
  | {
      bucket: "day" | "week" | "month" | "quarter" | "year";
      field: string;
    }
  | {
      window: "rowNumber" | "rank" | "denseRank" | "count" | "sum" | "avg" | "min" | "max";
      of?: QueryOperand;
      partitionBy?: QueryOperand[];
      orderBy?: QueryOrder[];
    }
  | {
      /**
       * An output column by its name.
       */
      column: string;
    };
/**
 * A condition: and, or, not, or a comparison of an operand with a value.
 *
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "QueryCondition".
 */
export type QueryCondition =
  | {
      and: QueryCondition[];
    }
  | {
      or: QueryCondition[];
    }
  | {
      not: QueryCondition;
    }
  | {
      left: QueryOperand;
      op: "eq" | "ne" | "lt" | "lte" | "gt" | "gte" | "in" | "nin" | "contains" | "startsWith" | "isNull";
      value?: QueryValue | QueryValue[];
    };
/**
 * A literal, or a saved query's parameter.
 *
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "QueryValue".
 */
export type QueryValue =
  | (string | number | boolean | null)
  | {
      param: string;
    };
/**
 * ui/theme.yaml as written, or null.
 *
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "Theme".
 */
export type Theme = {} | null;

/**
 * weave's intermediate representation: the one compiled model every generator and the runtime read. Plain, readonly, JSON-serialisable and deterministic.
 */
export interface WeaveIR {
  /**
   * Version of the IR format.
   */
  irVersion: 1;
  /**
   * sha256 of the canonical JSON of the IR without this field.
   */
  hash: string;
  app: App;
  /**
   * Sorted by name.
   */
  entities: Entity[];
  roles: Role[];
  permissions: Permission[];
  rules: SharedRule[];
  workflows: Workflow[];
  queries: Query[];
  theme: Theme;
  /**
   * locale -> message key -> text.
   */
  i18n: {
    [k: string]:
      | {
          [k: string]: string | undefined;
        }
      | undefined;
  };
  seed: Seed;
  /**
   * Sorted by name.
   */
  dashboards?: Dashboard[];
}
/**
 * The app's settings from weave.yaml, with defaults applied.
 *
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "App".
 */
export interface App {
  name: string;
  title: string;
  description?: string;
  version?: string;
  specVersion: 0;
  database: {
    /**
     * PGlite data folder, relative to the app folder.
     */
    embedded: string;
    /**
     * Name of the environment variable holding the Postgres URL.
     */
    urlEnv?: string;
  };
  auth: {
    password: boolean;
    magicLink: boolean;
    session: {
      idleMinutes: number;
      absoluteHours: number;
    };
  };
  tenancy: {
    enabled: boolean;
    header: string;
    /**
     * Who may create tenants through the API; absent: anyone signed in.
     */
    create?: "admins";
  };
  locales: {
    default: string;
    supported: string[];
  };
  /**
   * API quotas from weave.yaml; absent when none are configured.
   */
  quotas?: {
    perUser?: Quota;
    perTenant?: Quota;
    anonymous?: Quota;
  };
  origin: Origin;
}
/**
 * At most `requests` requests in each window of `perSeconds` seconds.
 *
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "Quota".
 */
export interface Quota {
  /**
   * Requests allowed in each window.
   */
  requests: number;
  /**
   * The fixed window's length in seconds.
   */
  perSeconds: number;
}
/**
 * Where a model element was written: file relative to the app folder, 1-based line and column.
 *
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "Origin".
 */
export interface Origin {
  file: string;
  line: number;
  column: number;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "Entity".
 */
export interface Entity {
  name: string;
  /**
   * snake_case plural table name.
   */
  table: string;
  label: string;
  plural: string;
  description?: string;
  version: number;
  renamedFrom?: string;
  tenant: boolean;
  id: "uuid" | "serial" | "none";
  /**
   * Human-readable key fields; empty when none.
   */
  key: string[];
  tags: string[];
  meta: {};
  fields: Field[];
  states: StateMachine[];
  actions: Action[];
  rules: Rule[];
  indexes: Index[];
  search: string[];
  policies: Policies;
  views: Views;
  /**
   * Hook modules by hook name, relative to the app folder.
   */
  hooks?: {
    beforeValidate?: string;
    afterValidate?: string;
    beforePersist?: string;
    afterPersist?: string;
  };
  /**
   * True for join entities weave generated for many-to-many relations.
   */
  generated: boolean;
  origin: Origin;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "Field".
 */
export interface Field {
  name: string;
  type: FieldType;
  label: string;
  description?: string;
  help?: string;
  placeholder?: string;
  /**
   * Column name in the entity's table; absent when the field is not stored in it.
   */
  column?: string;
  /**
   * How the field is stored: a column, a foreign key column, type+id columns, a jsonb column, not at all (virtual computed), or on another table (many, many-to-many).
   */
  storage: "column" | "foreignKey" | "polymorphic" | "jsonb" | "virtual" | "relation";
  required: boolean;
  unique: boolean;
  uniqueWithin: string[];
  readonly: boolean;
  hidden: boolean;
  pii: boolean;
  encrypted: boolean;
  default?: DefaultValue;
  backfill?: Expression1;
  computed?: Expression;
  materialized: boolean;
  constraints?: Constraints;
  values?: EnumValue[];
  currency?: string;
  currencyField?: string;
  precision?: number;
  scale?: number;
  accept?: string[];
  maxSize?: number;
  machine?: string;
  relation?: Relation;
  embedded?: {
    array: boolean;
    fields: Field[];
  };
  renamedFrom?: string;
  tags: string[];
  meta: {};
  origin: Origin;
}
/**
 * A checked expression: its source text, its normalised AST (bare field names rewritten to record.<field>, shared rules inlined), its static type and where it was written.
 *
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "Expression".
 */
export interface Expression {
  source: string;
  ast: Expr;
  type: ExprType;
  origin: Origin;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "LiteralExpr".
 */
export interface LiteralExpr {
  kind: "literal";
  value: string | number | boolean | null;
  /**
   * A number written with a fraction (2.50), typed decimal rather than int.
   */
  decimal?: boolean;
  span: Span;
}
/**
 * Offsets into the expression source, end exclusive.
 *
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "Span".
 */
export interface Span {
  start: number;
  end: number;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "ListExpr".
 */
export interface ListExpr {
  kind: "list";
  items: Expr[];
  span: Span;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "IdentExpr".
 */
export interface IdentExpr {
  kind: "ident";
  name: string;
  span: Span;
}
/**
 * `$name`: a shared named rule from a policy file.
 *
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "RuleRefExpr".
 */
export interface RuleRefExpr {
  kind: "ruleRef";
  name: string;
  span: Span;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "MemberExpr".
 */
export interface MemberExpr {
  kind: "member";
  object: Expr;
  property: string;
  span: Span;
}
/**
 * A function call `size(x)`, or a method call `s.contains(x)` when target is set.
 *
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "CallExpr".
 */
export interface CallExpr {
  kind: "call";
  callee: string;
  target?: Expr;
  args: Expr[];
  span: Span;
}
/**
 * `target.exists(v, body)` and its siblings: binds v to each element of the list target.
 *
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "MacroExpr".
 */
export interface MacroExpr {
  kind: "macro";
  macro: "exists" | "all" | "filter" | "map";
  target: Expr;
  variable: string;
  body: Expr;
  span: Span;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "UnaryExpr".
 */
export interface UnaryExpr {
  kind: "unary";
  op: "!" | "-";
  operand: Expr;
  span: Span;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "BinaryExpr".
 */
export interface BinaryExpr {
  kind: "binary";
  op: "+" | "-" | "*" | "/" | "%" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "&&" | "||" | "in";
  left: Expr;
  right: Expr;
  span: Span;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "ConditionalExpr".
 */
export interface ConditionalExpr {
  kind: "conditional";
  test: Expr;
  then: Expr;
  else: Expr;
  span: Span;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "ScalarType".
 */
export interface ScalarType {
  kind: ScalarTypeName;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "EnumType".
 */
export interface EnumType {
  kind: "enum";
  values: string[];
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "ListType".
 */
export interface ListType {
  kind: "list";
  of: ExprType;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "EntityType".
 */
export interface EntityType {
  kind: "entity";
  name: string;
}
/**
 * A context object such as user, tenant, input or params; name identifies its shape.
 *
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "ObjectType".
 */
export interface ObjectType {
  kind: "object";
  name: string;
}
/**
 * How existing rows get a value when a migration adds this field as required.
 */
export interface Expression1 {
  source: string;
  ast: Expr;
  type: ExprType;
  origin: Origin;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "Constraints".
 */
export interface Constraints {
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "EnumValue".
 */
export interface EnumValue {
  value: string;
  label: string;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "Relation".
 */
export interface Relation {
  kind: "ref" | "one" | "many" | "many-to-many" | "polymorphic";
  /**
   * Target entity names (more than one for polymorphic refs).
   */
  to: string[];
  onDelete: "restrict" | "cascade" | "setNull";
  inverse?: string;
  /**
   * Join entity of a many-to-many relation.
   */
  through?: string;
  /**
   * Field of the join entity pointing at this entity.
   */
  throughSource?: string;
  /**
   * Field of the join entity pointing at the target.
   */
  throughTarget?: string;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "StateMachine".
 */
export interface StateMachine {
  name: string;
  field: string;
  initial: string;
  states: StateInfo[];
  transitions: Transition[];
  origin: Origin;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "StateInfo".
 */
export interface StateInfo {
  name: string;
  label: string;
  final: boolean;
  description?: string;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "Transition".
 */
export interface Transition {
  name: string;
  label: string;
  from: string[];
  to: string;
  guard?: Expression;
  allow?: Expression;
  effects: Effect[];
  origin: Origin;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "Action".
 */
export interface Action {
  name: string;
  label: string;
  description?: string;
  scope: "record" | "collection";
  input: Field[];
  output: ActionOutput;
  allow?: Expression;
  handler?: string;
  origin: Origin;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "Rule".
 */
export interface Rule {
  name: string;
  check: Expression;
  when?: Expression;
  message: string;
  field?: string;
  origin: Origin;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "Index".
 */
export interface Index {
  name: string;
  fields: string[];
  using: "btree" | "gin" | "gist" | "hash";
  unique: boolean;
  where?: Expression;
  origin: Origin;
}
/**
 * Entity policies; an absent operation policy denies (deny by default). `write` in the spec is expanded into create, update and delete.
 *
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "Policies".
 */
export interface Policies {
  read?: Expression;
  create?: Expression;
  update?: Expression;
  delete?: Expression;
  fields: FieldPolicy[];
  transitions: NamedPolicy[];
  actions: NamedPolicy[];
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "FieldPolicy".
 */
export interface FieldPolicy {
  field: string;
  read?: Expression;
  write?: Expression;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "NamedPolicy".
 */
export interface NamedPolicy {
  name: string;
  expr: Expression;
}
/**
 * Views with defaults filled in from the fields when the spec omits them.
 *
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "Views".
 */
export interface Views {
  list: ListView;
  detail: DetailView;
  form: FormView;
  kanban?: KanbanView;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "ListView".
 */
export interface ListView {
  columns: string[];
  filters: string[];
  sort: string[];
  search: boolean;
  pageSize: number;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "DetailView".
 */
export interface DetailView {
  sections: Section[];
  tabs: Tab[];
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "Section".
 */
export interface Section {
  label?: string;
  fields: string[];
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "Tab".
 */
export interface Tab {
  label: string;
  relation?: string;
  fields?: string[];
  audit?: boolean;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "FormView".
 */
export interface FormView {
  sections: Section[];
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "KanbanView".
 */
export interface KanbanView {
  by: string;
  title: string;
  fields: string[];
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "Role".
 */
export interface Role {
  name: string;
  label: string;
  description?: string;
  /**
   * Roles this one includes, transitively closed.
   */
  inherits: string[];
  origin: Origin;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "Permission".
 */
export interface Permission {
  name: string;
  description?: string;
  roles: string[];
  origin: Origin;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "SharedRule".
 */
export interface SharedRule {
  name: string;
  expr: Expression;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "Workflow".
 */
export interface Workflow {
  name: string;
  description?: string;
  trigger: {
    schedule?: string;
    event?: string;
    transition?: string;
  };
  steps: WorkflowStep[];
  origin: Origin;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "WorkflowStep".
 */
export interface WorkflowStep {
  name: string;
  query?: string;
  action?: string;
  forEach?: string;
  delay?: string;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "Query".
 */
export interface Query {
  name: string;
  description?: string;
  from: string;
  params: Field[];
  where?: Expression;
  select: string[];
  sort: string[];
  limit?: number;
  allow?: Expression;
  origin: Origin;
  label?: string;
  /**
   * The columns each row has, in order: name, what computes it and its type.
   */
  columns?: QueryColumn[];
  /**
   * Group keys: rows are aggregated per distinct key. Absent: no grouping.
   */
  groupBy?: QueryOperand[];
  having?: QueryCondition;
  /**
   * `sort` resolved: output columns or field paths.
   */
  orderBy?: QueryOrder[];
  /**
   * Whether rows are groups (aggregates or groupBy), not records.
   */
  aggregate?: boolean;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "QueryColumn".
 */
export interface QueryColumn {
  /**
   * The key in each row: the alias, else the path, else e.g. `sumTotal`.
   */
  name: string;
  label: string;
  value: QueryOperand;
  /**
   * The field type of the value (`money`, `date`, `string`, ...); `int` for counts, `decimal` for averages, `date` for buckets.
   */
  type: string;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "QueryOrder".
 */
export interface QueryOrder {
  by: QueryOperand;
  desc?: boolean;
}
/**
 * Seed data from seed/*.yaml, merged in file order, each entry with where it was written.
 *
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "Seed".
 */
export interface Seed {
  tenants: SeedTenant[];
  users: SeedUser[];
  /**
   * Entity name -> its seed records, in file order.
   */
  records: {
    [k: string]: SeedRecord[] | undefined;
  };
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "SeedTenant".
 */
export interface SeedTenant {
  key: string;
  name: string;
  origin: Origin;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "SeedUser".
 */
export interface SeedUser {
  email: string;
  name: string;
  /**
   * As written: a literal, or env:NAME to read it from the environment when seeding.
   */
  password?: string;
  roles: string[];
  tenants: {
    tenant: string;
    roles: string[];
  }[];
  origin: Origin;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "SeedRecord".
 */
export interface SeedRecord {
  /**
   * The tenant key (`$tenant`, or the only seeded tenant); absent for entities without tenant: true.
   */
  tenant?: string;
  /**
   * Field name -> value as written; refs hold the target's key.
   */
  values: {
    [k: string]: unknown | undefined;
  };
  origin: Origin;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "Dashboard".
 */
export interface Dashboard {
  name: string;
  label: string;
  description?: string;
  widgets: DashboardWidget[];
  origin: Origin;
}
/**
 * This interface was referenced by `WeaveIR`'s JSON-Schema
 * via the `definition` "DashboardWidget".
 */
export interface DashboardWidget {
  name: string;
  label: string;
  description?: string;
  type: "number" | "table" | "bar" | "line" | "pie";
  query: string;
  params: {
    [k: string]: string | number | boolean | undefined;
  };
  /**
   * The column of categories (bar, line, pie).
   */
  x?: string;
  /**
   * The value columns (bar, line: one series each; pie, number: the first).
   */
  y?: string[];
  /**
   * table: the columns shown. Absent: all.
   */
  columns?: string[];
  span: number;
}
