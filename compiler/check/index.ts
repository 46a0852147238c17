import type { Reporter } from "../diagnostics/reporter.ts";
import type { SourceFile } from "../load/source-file.ts";
import { checkApp } from "./check-app.ts";
import { checkCycles } from "./check-cycles.ts";
import { checkEntity } from "./check-entity.ts";
import { checkMaterialized } from "./check-materialized.ts";
import { checkDashboards } from "./check-dashboards.ts";
import { checkQueries } from "./check-queries.ts";
import { checkJoinNames } from "./check-relations.ts";
import { checkSeeds } from "./check-seeds.ts";
import { checkWorkflows } from "./check-workflows.ts";
import type { CheckContext } from "./context.ts";
import { indexDocuments } from "./index-documents.ts";
import type { Model } from "./model.ts";

/**
 * The resolve/check pass: indexes the valid documents, then checks names, references, inverses,
 * cycles, state machines, duplicates, reserved words and every expression. It reports and keeps
 * going; the returned model carries the checked expressions for lowering.
 *
 * @example
 *   const model = checkDocuments(root, validFiles, reporter);
 *   if (!reporter.failed) lower(model);
 */
export function checkDocuments(root: string, files: readonly SourceFile[], reporter: Reporter, invalidEntities: Iterable<string> = []): Model {
  const model = indexDocuments(root, files, reporter);
  for (const name of invalidEntities) if (!model.entities.has(name)) model.invalidEntities.add(name);
  const ctx: CheckContext = { model, reporter, shapes: new Map(), rules: new Map() };
  checkApp(ctx);
  for (const { file, spec } of model.entities.values()) checkEntity(ctx, file, spec);
  checkJoinNames(ctx);
  checkCycles(ctx);
  checkMaterialized(ctx);
  checkQueries(ctx);
  checkDashboards(ctx);
  checkWorkflows(ctx);
  checkSeeds(ctx);
  return model;
}
