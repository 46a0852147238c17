/* Generated from schema/ by compiler/types/generate.ts. Do not edit: run `bun run gen:types`. */

/**
 * What starts a run: a schedule, an app event, or a transition of an entity.
 *
 * This interface was referenced by `WorkflowSpec`'s JSON-Schema
 * via the `definition` "trigger".
 */
export type Trigger = ScheduleTrigger | EventTrigger | TransitionTrigger;
/**
 * One step of a workflow: run a saved query, run an action, or wait.
 *
 * This interface was referenced by `WorkflowSpec`'s JSON-Schema
 * via the `definition` "step".
 */
export type Step = QueryStep | ActionStep | DelayStep;
/**
 * An event name: camelCase, like invoiceSent. Events are app-wide: any workflow may react to them.
 *
 * This interface was referenced by `WorkflowSpec`'s JSON-Schema
 * via the `definition` "eventName".
 */
export type EventName = string;
/**
 * A saved query name: camelCase, unique across the app.
 *
 * This interface was referenced by `WorkflowSpec`'s JSON-Schema
 * via the `definition` "queryName".
 */
export type QueryName = string;
/**
 * A workflow name: camelCase, unique across the app.
 *
 * This interface was referenced by `WorkflowSpec`'s JSON-Schema
 * via the `definition` "workflowName".
 */
export type WorkflowName = string;
/**
 * A workflow step name: camelCase, unique within its workflow.
 *
 * This interface was referenced by `WorkflowSpec`'s JSON-Schema
 * via the `definition` "stepName".
 */
export type StepName = string;

/**
 * A workflow of a weave app (workflows/<name>.workflow.yaml): steps run in order, started by a trigger. See spec/workflow.md.
 */
export interface WorkflowSpec {
  /**
   * The workflow's name: camelCase, unique across the app.
   */
  workflow: WorkflowName;
  /**
   * What the workflow does.
   */
  description?: string;
  trigger: Trigger;
  /**
   * The steps, run in order.
   *
   * @minItems 1
   */
  steps: [Step, ...Step[]];
}
/**
 * Runs on a schedule.
 *
 * This interface was referenced by `WorkflowSpec`'s JSON-Schema
 * via the `definition` "scheduleTrigger".
 */
export interface ScheduleTrigger {
  /**
   * A cron expression with five fields (minute hour day month weekday), in UTC: 0 8 * * * is 08:00 daily.
   */
  schedule: string;
}
/**
 * Runs each time an app event is emitted (by a transition's emit effect).
 *
 * This interface was referenced by `WorkflowSpec`'s JSON-Schema
 * via the `definition` "eventTrigger".
 */
export interface EventTrigger {
  /**
   * The event's name, e.g. invoiceSent.
   */
  event: EventName;
}
/**
 * Runs each time a record goes through a transition.
 *
 * This interface was referenced by `WorkflowSpec`'s JSON-Schema
 * via the `definition` "transitionTrigger".
 */
export interface TransitionTrigger {
  /**
   * The transition as <Entity>.<transition>, e.g. Invoice.send.
   */
  transition: string;
}
/**
 * Runs a saved query with its parameters' defaults; its rows are the step's result.
 *
 * This interface was referenced by `WorkflowSpec`'s JSON-Schema
 * via the `definition` "queryStep".
 */
export interface QueryStep {
  /**
   * The step's name, unique in the workflow: later steps and the run log refer to it.
   */
  name: StepName;
  /**
   * The saved query to run.
   */
  query: QueryName;
}
/**
 * Runs an action of an entity with its input's defaults: once, or once per row of an earlier step (forEach).
 *
 * This interface was referenced by `WorkflowSpec`'s JSON-Schema
 * via the `definition` "actionStep".
 */
export interface ActionStep {
  /**
   * The step's name, unique in the workflow: later steps and the run log refer to it.
   */
  name: StepName;
  /**
   * The action as <Entity>.<action>, e.g. Invoice.remind.
   */
  action: string;
  /**
   * An earlier query step: run the action once per row (a record action runs on that record).
   */
  forEach?: StepName;
}
/**
 * Waits before the next step. The run is persisted, so a restart does not lose it.
 *
 * This interface was referenced by `WorkflowSpec`'s JSON-Schema
 * via the `definition` "delayStep".
 */
export interface DelayStep {
  /**
   * The step's name, unique in the workflow: later steps and the run log refer to it.
   */
  name: StepName;
  /**
   * How long to wait, as an ISO 8601 duration: PT1H (an hour), P3D (three days).
   */
  delay: string;
}
