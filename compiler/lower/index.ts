import type { Model } from "../check/model.ts";
import { IR_VERSION, type IR, type WeaveIR } from "../ir/index.ts";
import { contentHash } from "./hash.ts";
import { addJoinEntities } from "./join-entities.ts";
import { lowerSeed } from "./lower-seed.ts";
import { lowerApp, lowerDashboards, lowerI18n, lowerPermissions, lowerQueries, lowerRoles, lowerSharedRules, lowerWorkflows } from "./lower-app.ts";
import { lowerEntity } from "./lower-entity.ts";

/**
 * The lower pass: turns a checked model (no errors) into the IR. Pure and deterministic: the
 * same spec gives byte-identical JSON, and `hash` is the sha256 of its canonical form.
 *
 * @example
 *   const ir = lowerModel(model);
 *   ir.entities.map((e) => e.table); // ["customers", "invoice_lines", ...]
 */
export function lowerModel(model: Model): IR {
  const entities = [...model.entities.values()].map(({ file, spec }) => lowerEntity({ model, file }, spec));
  const body: Omit<WeaveIR, "hash"> = {
    irVersion: IR_VERSION,
    app: lowerApp(model),
    entities: addJoinEntities(entities),
    roles: lowerRoles(model),
    permissions: lowerPermissions(model),
    rules: lowerSharedRules(model),
    workflows: lowerWorkflows(model),
    queries: lowerQueries(model),
    theme: (model.theme?.spec as WeaveIR["theme"] | undefined) ?? null,
    i18n: lowerI18n(model),
    seed: lowerSeed(model),
  };
  // Only an app with dashboards has the key, so the IR (and hash) of one without stays as it was.
  const dashboards = lowerDashboards(model);
  if (dashboards.length > 0) body.dashboards = dashboards;
  const { irVersion, ...rest } = body;
  return { irVersion, hash: contentHash(body), ...rest };
}
