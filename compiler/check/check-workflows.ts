import { suggestion } from "../diagnostics/suggest.ts";
import { locate, type DocPath } from "../load/locate.ts";
import type { SourceFile } from "../load/source-file.ts";
import { actionsOf, transitionNames } from "./check-entity.ts";
import { reportUnknownEntity } from "./unknown-entity.ts";
import type { CheckContext } from "./context.ts";

interface StepLike {
  name: string;
  query?: string;
  action?: string;
  forEach?: string;
}

/**
 * Checks workflows: the event, transition, saved queries and actions they name exist, and
 * `forEach` names an earlier step.
 *
 * @example
 *   checkWorkflows(ctx);
 */
export function checkWorkflows(ctx: CheckContext): void {
  for (const { file, spec } of ctx.model.workflows.values()) {
    const trigger = (spec.trigger ?? {}) as { transition?: string };
    if (trigger.transition !== undefined) checkMemberRef(ctx, file, ["trigger", "transition"], trigger.transition, "transition");
    const steps = (spec.steps ?? []) as StepLike[];
    steps.forEach((step, i) => {
      if (step.query !== undefined && !ctx.model.queries.has(step.query)) {
        ctx.reporter.report("WV316", locate(file, ["steps", i, "query"]), `unknown saved query \`${step.query}\``, suggestion(step.query, [...ctx.model.queries.keys()]));
      }
      if (step.action !== undefined) checkMemberRef(ctx, file, ["steps", i, "action"], step.action, "action");
      const earlier = steps.slice(0, i).map((s) => s.name);
      if (step.forEach !== undefined && !earlier.includes(step.forEach)) {
        ctx.reporter.report("WV302", locate(file, ["steps", i, "forEach"]), `\`forEach\` names \`${step.forEach}\`, which is not an earlier step`, suggestion(step.forEach, earlier));
      }
    });
  }
}

/** `Invoice.send`: an entity and one of its transitions or actions. */
function checkMemberRef(ctx: CheckContext, file: SourceFile, at: DocPath, ref: string, kind: "transition" | "action"): void {
  const [entityName = "", member = ""] = ref.split(".");
  const entity = ctx.model.entities.get(entityName)?.spec;
  if (!entity) {
    reportUnknownEntity(ctx, locate(file, at), entityName, `unknown entity \`${entityName}\` in \`${ref}\``);
    return;
  }
  const known = kind === "transition" ? transitionNames(entity) : Object.keys(actionsOf(entity));
  if (known.includes(member)) return;
  ctx.reporter.report("WV312", locate(file, at), `unknown ${kind} \`${member}\` on ${entityName}`, suggestion(member, known));
}
