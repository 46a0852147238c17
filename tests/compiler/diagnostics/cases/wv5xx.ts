/** WV5xx: app configuration. */
import { DEFAULT_APP } from "../../../helpers/spec-app.ts";
import type { CodeTable } from "./case.ts";
import { CUSTOMER } from "./fixtures.ts";

const app = (extra: string) => `${DEFAULT_APP}${extra}`;
const EN = "{schema}\nmessages:\n  entity.Customer.label: Customer\n";
const DE = "{schema}\nmessages:\n  entity.Customer.label: Kunde\n";
const THEME = "{schema}\ncolors: { primary: '#3b5bdb' }\n";
const DUPLICATE = `${CUSTOMER}actions:\n  duplicate: { allow: "true", handler: ./hooks/duplicate.ts }\n`;

export const appConfiguration: CodeTable = [
  ["WV500", {
    name: "a database URL with its password in weave.yaml",
    given: { "domain/customer.entity.yaml": CUSTOMER, "weave.yaml": app("database:\n  url: postgres://weave:s3cret@db.example.com/weave\n") },
    want: { file: "weave.yaml", line: 6, column: 8, endColumn: 52, severity: "warning", hint: "write `url: env:DATABASE_URL` and set the variable in the environment" },
    fixed: { "domain/customer.entity.yaml": CUSTOMER, "weave.yaml": app("database:\n  url: env:DATABASE_URL\n") },
  }],
  ["WV501", {
    name: "a supported locale without messages",
    given: { "domain/customer.entity.yaml": CUSTOMER, "weave.yaml": app("locales: { default: en, supported: [en, de] }\n"), "i18n/en.yaml": EN },
    want: { file: "weave.yaml", line: 5, column: 41, endColumn: 43, severity: "warning", message: "locale `de` has no messages file", hint: "add i18n/de.yaml" },
    fixed: { "domain/customer.entity.yaml": CUSTOMER, "weave.yaml": app("locales: { default: en, supported: [en, de] }\n"), "i18n/en.yaml": EN, "i18n/de.yaml": DE },
  }],
  ["WV502", {
    name: "a theme path that names no file",
    given: { "domain/customer.entity.yaml": CUSTOMER, "weave.yaml": app("theme: ui/them.yaml\n"), "ui/theme.yaml": THEME },
    want: { file: "weave.yaml", line: 5, column: 8, endColumn: 20, message: "theme file `ui/them.yaml` does not exist" },
    fixed: { "domain/customer.entity.yaml": CUSTOMER, "weave.yaml": app("theme: ui/theme.yaml\n"), "ui/theme.yaml": THEME },
  }],
  ["WV502", {
    name: "an action handler that names no module",
    given: { "domain/customer.entity.yaml": DUPLICATE },
    want: { file: "domain/customer.entity.yaml", line: 10, column: 40, message: "handler module `./hooks/duplicate.ts` does not exist" },
    fixed: { "domain/customer.entity.yaml": DUPLICATE, "hooks/duplicate.ts": "export default async function duplicate() {}\n" },
  }],
  ["WV503", {
    name: "a per-tenant quota without tenancy",
    given: { "domain/customer.entity.yaml": CUSTOMER, "weave.yaml": "{schema}\nweave: 0\napp: demo\nquotas:\n  perTenant: { requests: 100, perSeconds: 60 }\n" },
    want: { file: "weave.yaml", line: 5, column: 3, endColumn: 12, severity: "warning", message: "`quotas.perTenant` never applies: the app has no tenancy, so no request names a tenant" },
    fixed: { "domain/customer.entity.yaml": CUSTOMER, "weave.yaml": "{schema}\nweave: 0\napp: demo\nquotas:\n  perUser: { requests: 100, perSeconds: 60 }\n" },
  }],
];
