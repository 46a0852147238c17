/** State machines of an entity: `states: { <machine>: { initial, states, transitions } }`. */
import { array, bool, doc, map, object, ref, str, type Schema } from "./dsl.ts";

const transitionSnippet = {
  label: "new transition",
  body: { "${1:send}": { from: "${2:draft}", to: "${3:sent}", label: "${4:Send}", allow: "${5:\\$isBilling}" } },
};

export const stateDefinitions: Record<string, Schema> = {
  machine: object(
    "A state machine: its states and the transitions between them. A `state` field holds its current state.",
    {
      field: ref(
        "fieldName",
        "The `state` field that holds this machine's state. Default: the state field with `machine: <this machine>`.",
      ),
      initial: ref("stateName", "The state a new record starts in."),
      states: map(
        "The states with their labels and flags. Default: derived from `initial` and the transitions' `from` and " +
          "`to`. When given, it must list every state the transitions use.",
        "stateName",
        ref("stateInfo"),
        { defaultSnippets: [{ label: "new state", body: { "${1:draft}": { label: "${2:Draft}" } } }] },
      ),
      transitions: map(
        "The transitions by name. Each one is an endpoint and a button: `POST /<entities>/<id>/<transition>`.",
        "transitionName",
        ref("transition"),
        { defaultSnippets: [transitionSnippet] },
      ),
    },
    {
      title: "Machine",
      required: ["initial"],
      defaultSnippets: [
        {
          label: "new state machine",
          body: {
            initial: "${1:draft}",
            transitions: { "${2:send}": { from: "${1:draft}", to: "${3:sent}" } },
          },
        },
      ],
    },
  ),
  stateInfo: object(
    "How a state is shown, and whether it ends the machine.",
    {
      label: str("Display label. Default: the name in words. i18n key `state.<Entity>.<machine>.<state>`."),
      description: str("What the state means, shown as a hint."),
      final: bool("No transition leaves this state (e.g. `paid`, `void`)."),
    },
    { title: "StateInfo" },
  ),
  transition: object(
    "A move from one or more states to another, with its guard, permission and effects.",
    {
      from: {
        ...doc("The state, or list of states, the transition starts from."),
        anyOf: [ref("stateName"), { type: "array", items: ref("stateName"), minItems: 1, uniqueItems: true }],
        examples: ["draft", ["draft", "sent"]],
      },
      to: ref("stateName", "The state the record is in afterwards."),
      label: str("Button label. Default: the name in words. i18n key `transition.<Entity>.<machine>.<transition>`."),
      description: str("What the transition does: shown in API docs and as the button's tooltip."),
      guard: ref(
        "expression",
        "A condition on the record (bool): the transition is possible only while it holds, e.g. `size(lines) > 0`.",
      ),
      allow: ref(
        "expression",
        "Who may run it (bool), e.g. `'billing' in user.roles`. ANDed with `policies.transitions.<name>`. " +
          "Absent: whoever may update the record.",
      ),
      effects: array("What happens after the state changes, in order, in the same transaction.", ref("effect"), {
        defaultSnippets: [
          { label: "set a field", body: [{ set: { "${1:sentAt}": "${2:now()}" } }] },
          { label: "emit an event", body: [{ emit: "${1:invoiceSent}" }] },
        ],
      }),
    },
    { title: "Transition", required: ["from", "to"] },
  ),
  effect: {
    title: "Effect",
    ...doc("An effect of a transition: `set` fields, or `emit` an event."),
    oneOf: [ref("setEffect"), ref("emitEffect")],
  },
  setEffect: object(
    "Sets fields of the record: field name -> expression, evaluated on the record before the change.",
    {
      set: map("Field name -> expression giving its new value.", "fieldName", ref("expression"), {
        minProperties: 1,
        examples: [{ sentAt: "now()" }],
      }),
    },
    { title: "SetEffect", required: ["set"] },
  ),
  emitEffect: object(
    "Emits an app event once the transaction commits; workflows with `trigger: { event }` react to it.",
    { emit: ref("eventName", "The event's name, e.g. `invoiceSent`.") },
    { title: "EmitEffect", required: ["emit"] },
  ),
};
