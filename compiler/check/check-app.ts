import { existsSync } from "node:fs";
import { join } from "node:path";
import { suggestion } from "../diagnostics/suggest.ts";
import { parseExpression } from "../expr/index.ts";
import { locate } from "../load/locate.ts";
import { fileStart } from "../load/source-file.ts";
import { checkExpressionAt } from "./check-expression.ts";
import { sharedRuleEnv, type CheckContext } from "./context.ts";
import { findCycles } from "./find-cycle.ts";

/**
 * Checks weave.yaml (secrets, referenced files, locales), roles and permissions, and the shared
 * rules, which it parses into `ctx.rules` for inlining before any other expression is checked.
 *
 * @example
 *   checkApp(ctx);
 */
export function checkApp(ctx: CheckContext): void {
  checkAppFile(ctx);
  checkRoles(ctx);
  checkSharedRules(ctx);
  checkLocales(ctx);
}

function checkAppFile(ctx: CheckContext): void {
  const app = ctx.model.app;
  if (!app) return;
  const url = (app.spec.database as { url?: string } | undefined)?.url;
  if (url !== undefined && !url.startsWith("env:")) {
    const hint = "write `url: env:DATABASE_URL` and set the variable in the environment";
    ctx.reporter.report("WV500", locate(app.file, ["database", "url"]), "the database URL is written in the spec, where it would be committed with any password it holds; weave ignores it", hint);
  }
  const theme = app.spec.theme as string | undefined;
  if (theme !== undefined && !existsSync(join(ctx.model.root, theme))) {
    ctx.reporter.report("WV502", locate(app.file, ["theme"]), `theme file \`${theme}\` does not exist`, "the path is relative to the app folder, e.g. `ui/theme.yaml`");
  }
  const tenancy = (app.spec.tenancy as { enabled?: boolean } | undefined)?.enabled === true;
  if (!tenancy && (app.spec.quotas as { perTenant?: unknown } | undefined)?.perTenant !== undefined) {
    ctx.reporter.report("WV503", locate(app.file, ["quotas", "perTenant"], "key"), "`quotas.perTenant` never applies: the app has no tenancy, so no request names a tenant", "remove it, or turn tenancy on with `tenancy: { enabled: true }`");
  }
}

function checkRoles(ctx: CheckContext): void {
  const roles = ctx.model.roles;
  const edges = new Map<string, string[]>();
  for (const [name, { file, path, spec }] of roles) {
    const inherits = (spec.inherits ?? []) as string[];
    inherits.forEach((parent, i) => {
      if (!roles.has(parent)) ctx.reporter.report("WV311", locate(file, [...path, "inherits", i]), `unknown role \`${parent}\``, suggestion(parent, [...roles.keys()]));
    });
    edges.set(name, inherits.filter((r) => roles.has(r)));
  }
  for (const cycle of findCycles(edges)) {
    const { file, path } = roles.get(cycle[0]!)!;
    ctx.reporter.report("WV320", locate(file, [...path, "inherits"]), `roles inherit from each other: ${[...cycle, cycle[0]].join(" -> ")}`, "remove one of the `inherits` entries");
  }
  for (const [name, { file, path, spec }] of ctx.model.permissions) {
    ((spec.roles ?? []) as string[]).forEach((role, i) => {
      if (!roles.has(role)) ctx.reporter.report("WV311", locate(file, [...path, "roles", i]), `unknown role \`${role}\` in permission \`${name}\``, suggestion(role, [...roles.keys()]));
    });
  }
}

function checkSharedRules(ctx: CheckContext): void {
  for (const [name, { file, path, spec }] of ctx.model.rules) {
    const parsed = parseExpression(spec);
    if (parsed.ast) ctx.rules.set(name, parsed.ast);
    checkExpressionAt(ctx, file, path, sharedRuleEnv());
  }
}

function checkLocales(ctx: CheckContext): void {
  const app = ctx.model.app;
  const locales = (app?.spec.locales ?? {}) as { default?: string; supported?: string[] };
  const supported = locales.supported ?? [locales.default ?? "en"];
  for (const [locale, { file }] of ctx.model.i18n) {
    if (!supported.includes(locale)) ctx.reporter.report("WV317", fileStart(file.path), `locale \`${locale}\` is not in weave.yaml's supported locales`, `add it: \`locales: { supported: [${[...supported, locale].join(", ")}] }\``);
  }
  // Only locales listed in weave.yaml can be pointed at; the implied default gets its labels from the spec.
  if (!app || ctx.model.i18n.size === 0 || locales.supported === undefined) return;
  locales.supported.forEach((locale, i) => {
    if (ctx.model.i18n.has(locale)) return;
    ctx.reporter.report("WV501", locate(app.file, ["locales", "supported", i]), `locale \`${locale}\` has no messages file`, `add i18n/${locale}.yaml`);
  });
}
