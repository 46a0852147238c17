/** `workflows/<name>.workflow.yaml`: a multi-step, cross-entity flow started by a trigger. */
import { doc, object, ref, str, type Schema } from "./dsl.ts";
import type { RootSpec } from "./root.ts";

const stepName = ref("stepName", "The step's name, unique in the workflow: later steps and the run log refer to it.");

export const workflowDefinitions: Record<string, Schema> = {
  trigger: {
    title: "Trigger",
    ...doc("What starts a run: a schedule, an app event, or a transition of an entity."),
    oneOf: [ref("scheduleTrigger"), ref("eventTrigger"), ref("transitionTrigger")],
    defaultSnippets: [
      { label: "schedule", body: { schedule: "${1:0 8 * * *}" } },
      { label: "event", body: { event: "${1:invoiceSent}" } },
      { label: "transition", body: { transition: "${1:Invoice}.${2:send}" } },
    ],
  },
  scheduleTrigger: object(
    "Runs on a schedule.",
    {
      schedule: str(
        "A cron expression with five fields (minute hour day month weekday), in UTC: `0 8 * * *` is 08:00 daily.",
        {
          pattern: "^\\S+(?:\\s+\\S+){4}$",
          patternErrorMessage: "Write a cron expression with five fields, like `0 8 * * *`",
          examples: ["0 8 * * *", "*/15 * * * *"],
        },
      ),
    },
    { title: "ScheduleTrigger", required: ["schedule"] },
  ),
  eventTrigger: object(
    "Runs each time an app event is emitted (by a transition's `emit` effect).",
    { event: ref("eventName", "The event's name, e.g. `invoiceSent`.") },
    { title: "EventTrigger", required: ["event"] },
  ),
  transitionTrigger: object(
    "Runs each time a record goes through a transition.",
    {
      transition: str("The transition as `<Entity>.<transition>`, e.g. `Invoice.send`.", {
        pattern: "^[A-Z][A-Za-z0-9]*\\.[a-z][A-Za-z0-9]*$",
        patternErrorMessage: "Name the transition as `<Entity>.<transition>`, like `Invoice.send`",
        examples: ["Invoice.send"],
      }),
    },
    { title: "TransitionTrigger", required: ["transition"] },
  ),
  step: {
    title: "Step",
    ...doc("One step of a workflow: run a saved query, run an action, or wait."),
    oneOf: [ref("queryStep"), ref("actionStep"), ref("delayStep")],
    defaultSnippets: [
      { label: "query step", body: { name: "${1:find}", query: "${2:overdueInvoices}" } },
      { label: "action step", body: { name: "${1:notify}", action: "${2:Invoice}.${3:remind}", forEach: "${4:find}" } },
      { label: "delay step", body: { name: "${1:wait}", delay: "${2:P3D}" } },
    ],
  },
  queryStep: object(
    "Runs a saved query with its parameters' defaults; its rows are the step's result.",
    {
      name: stepName,
      query: ref("queryName", "The saved query to run."),
    },
    { title: "QueryStep", required: ["name", "query"] },
  ),
  actionStep: object(
    "Runs an action of an entity with its input's defaults: once, or once per row of an earlier step (`forEach`).",
    {
      name: stepName,
      action: str("The action as `<Entity>.<action>`, e.g. `Invoice.remind`.", {
        pattern: "^[A-Z][A-Za-z0-9]*\\.[a-z][A-Za-z0-9]*$",
        patternErrorMessage: "Name the action as `<Entity>.<action>`, like `Invoice.remind`",
        examples: ["Invoice.remind"],
      }),
      forEach: ref(
        "stepName",
        "An earlier query step: run the action once per row (a record action runs on that record).",
      ),
    },
    { title: "ActionStep", required: ["name", "action"] },
  ),
  delayStep: object(
    "Waits before the next step. The run is persisted, so a restart does not lose it.",
    {
      name: stepName,
      delay: str("How long to wait, as an ISO 8601 duration: `PT1H` (an hour), `P3D` (three days).", {
        format: "duration",
        examples: ["PT1H", "P3D"],
      }),
    },
    { title: "DelayStep", required: ["name", "delay"] },
  ),
};

/** The root of workflow.schema.json. */
export const workflow: RootSpec = {
  kind: "workflow",
  title: "WorkflowSpec",
  doc:
    "A workflow of a weave app (`workflows/<name>.workflow.yaml`): steps run in order, started by a trigger. " +
    "See spec/workflow.md.",
  required: ["workflow", "trigger", "steps"],
  properties: {
    workflow: ref("workflowName", "The workflow's name: camelCase, unique across the app."),
    description: str("What the workflow does."),
    trigger: ref("trigger"),
    steps: { ...doc("The steps, run in order."), type: "array", items: ref("step"), minItems: 1 },
  },
};
