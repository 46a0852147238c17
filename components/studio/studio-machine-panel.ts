/**
 * The state machine editor: each machine's states and transitions as a list (from -> to, guard,
 * allow), a guard and allow editor per transition whose expressions the compiler checks while
 * typing, and forms to add a machine, a state and a transition.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { StudioEdit, StudioMachine, StudioTransition } from "./studio-client.ts";
import { diagnosticsList, formValues, labelled, liveInvalid, names, outcomeView, type PanelContext } from "./studio-context.ts";

export function machinesPanel(ctx: PanelContext): TemplateResult {
  const { entity, t } = ctx;
  return html`<section aria-labelledby="machines-heading" part="machines">
    <h3 id="machines-heading">${t("machines")}</h3>
    ${entity.machines.map((m) => machineView(ctx, m))} ${addMachineForm(ctx)}
  </section>`;
}

function machineView(ctx: PanelContext, machine: StudioMachine): TemplateResult {
  const { t } = ctx;
  return html`<article class="machine" part="machine" aria-label=${machine.name}>
    <h4>${machine.name} <span class="muted">(${machine.field}) ${machine.origin.file}:${machine.origin.line}</span></h4>
    <p id="states-${machine.name}">${t("states")}:</p>
    <ul class="states" aria-labelledby="states-${machine.name}">
      ${machine.states.map(
        (s) => html`<li>
          <span class="state" data-initial=${s.name === machine.initial ? "true" : "false"}>${s.name}${s.final ? " ◼" : ""}</span>
          <button type="button" class="small" aria-label=${t("removeWhat", { what: `${machine.name}.${s.name}` })} @click=${() => ctx.remove({ kind: "removeState", entity: ctx.entity.name, machine: machine.name, state: s.name }, `${machine.name}.${s.name}`)}>${t("remove")}</button>
        </li>`,
      )}
    </ul>
    <ul class="transitions">
      ${machine.transitions.map((tr) => transitionView(ctx, machine, tr))}
    </ul>
    ${addStateForm(ctx, machine)} ${addTransitionForm(ctx, machine)}
  </article>`;
}

function transitionView(ctx: PanelContext, machine: StudioMachine, tr: StudioTransition): TemplateResult {
  const { entity, t } = ctx;
  const key = `transition-${machine.name}-${tr.name}`;
  const edit = (form: HTMLFormElement): StudioEdit => {
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? "").trim();
    return { kind: "setTransition", entity: entity.name, machine: machine.name, transition: tr.name, guard: value("guard") || null, allow: value("allow") || null };
  };
  const live = (event: Event) => ctx.check(`${key}-live`, edit((event.target as HTMLElement).closest("form")!));
  return html`<li>
    <form @submit=${(e: Event) => ctx.send(key, edit(formValues(e).form))} aria-label="${t("transitions")} ${tr.name}">
      <strong>${tr.name}</strong>: ${tr.from.join(", ")} → ${tr.to} <span class="muted">${tr.origin.file}:${tr.origin.line}</span>
      <button type="button" class="small" aria-label=${t("removeWhat", { what: `${machine.name}.${tr.name}` })} @click=${() => ctx.remove({ kind: "removeTransition", entity: entity.name, machine: machine.name, transition: tr.name }, `${machine.name}.${tr.name}`)}>${t("remove")}</button>
      ${labelled(`${key}-guard`, t("guard"), expressionInput(ctx, `${key}-guard`, "guard", tr.guard, `${key}-live`, live))}
      ${labelled(`${key}-allow`, t("allow"), expressionInput(ctx, `${key}-allow`, "allow", tr.allow, `${key}-live`, live))}
      ${liveView(ctx, `${key}-live`)}
      <button type="submit">${t("save")}</button>
      ${outcomeView(ctx, key)}
    </form>
  </li>`;
}

/** An expression input whose problems, found while typing, are linked to it. */
function expressionInput(ctx: PanelContext, id: string, name: string, value: string | undefined, liveKey: string, onInput: (e: Event) => void): TemplateResult {
  return html`<input
    id=${id}
    name=${name}
    class="mono"
    .value=${value ?? ""}
    @input=${onInput}
    aria-invalid=${liveInvalid(ctx, liveKey) ? "true" : "false"}
    aria-describedby="${liveKey}-problems"
  />`;
}

function liveView(ctx: PanelContext, key: string): TemplateResult {
  const outcome = ctx.outcome(key);
  const problems = outcome && !("error" in outcome) ? outcome.diagnostics.filter((d) => d.element) : [];
  return html`<div id="${key}-problems" class="live" role="status" aria-live="polite" part="live-diagnostics">
    ${outcome === undefined ? nothing : "error" in outcome ? html`<p class="error">${outcome.error}</p>` : problems.length === 0 ? html`<p class="ok">${ctx.t("noProblems")}</p>` : diagnosticsList(problems)}
  </div>`;
}

function addStateForm(ctx: PanelContext, machine: StudioMachine): TemplateResult {
  const { entity, t } = ctx;
  const key = `add-state-${machine.name}`;
  const submit = (event: Event) => {
    const v = formValues(event);
    ctx.send(key, { kind: "addState", entity: entity.name, machine: machine.name, state: v.state!, ...(v.final ? { final: true } : {}) });
  };
  return html`<form @submit=${submit} aria-label="${t("addState")} ${machine.name}">
    ${labelled(`${key}-name`, t("stateName"), html`<input id="${key}-name" name="state" required pattern="[A-Za-z][A-Za-z0-9_]*" />`)}
    <label class="check"><input type="checkbox" name="final" /> ${t("final")}</label>
    <button type="submit">${t("addState")}</button>
    ${outcomeView(ctx, key)}
  </form>`;
}

function addTransitionForm(ctx: PanelContext, machine: StudioMachine): TemplateResult {
  const { entity, t } = ctx;
  const key = `add-transition-${machine.name}`;
  const edit = (values: Record<string, string>): StudioEdit => {
    const from = names(values.from);
    return {
      kind: "addTransition",
      entity: entity.name,
      machine: machine.name,
      transition: values.transition ?? "",
      from: from.length === 1 ? from[0] : from,
      to: values.to ?? "",
      ...(values.guard ? { guard: values.guard } : {}),
      ...(values.allow ? { allow: values.allow } : {}),
    };
  };
  const read = (form: HTMLFormElement) => Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v).trim()]));
  const live = (event: Event) => {
    const values = read((event.target as HTMLElement).closest("form")!);
    if (values.transition && values.from && values.to) ctx.check(`${key}-live`, edit(values));
  };
  const states = html`<datalist id="${key}-states">${machine.states.map((s) => html`<option value=${s.name}></option>`)}</datalist>`;
  return html`<form @submit=${(e: Event) => ctx.send(key, edit(formValues(e)))} aria-label="${t("addTransition")} ${machine.name}">
    ${states}
    ${labelled(`${key}-name`, t("transitionName"), html`<input id="${key}-name" name="transition" required pattern="[A-Za-z][A-Za-z0-9_]*" />`)}
    ${labelled(`${key}-from`, t("from"), html`<input id="${key}-from" name="from" required list="${key}-states" />`)}
    ${labelled(`${key}-to`, t("to"), html`<input id="${key}-to" name="to" required list="${key}-states" />`)}
    ${labelled(`${key}-guard`, t("guard"), expressionInput(ctx, `${key}-guard`, "guard", undefined, `${key}-live`, live))}
    ${labelled(`${key}-allow`, t("allow"), expressionInput(ctx, `${key}-allow`, "allow", undefined, `${key}-live`, live))}
    ${liveView(ctx, `${key}-live`)}
    <button type="submit" class="primary">${t("addTransition")}</button>
    ${outcomeView(ctx, key)}
  </form>`;
}

function addMachineForm(ctx: PanelContext): TemplateResult {
  const { entity, t } = ctx;
  const submit = (event: Event) => {
    const v = formValues(event);
    ctx.send("add-machine", { kind: "addMachine", entity: entity.name, machine: v.machine!, ...(v.field ? { field: v.field } : {}), initial: v.initial!, states: names(v.states) });
  };
  return html`<form @submit=${submit} aria-label=${t("addMachine")}>
    ${labelled("machine-name", t("machineName"), html`<input id="machine-name" name="machine" required pattern="[A-Za-z][A-Za-z0-9_]*" />`)}
    ${labelled("machine-field", t("stateField"), html`<input id="machine-field" name="field" placeholder="status" pattern="[A-Za-z][A-Za-z0-9_]*" />`)}
    ${labelled("machine-initial", t("initial"), html`<input id="machine-initial" name="initial" required pattern="[A-Za-z][A-Za-z0-9_]*" />`)}
    ${labelled("machine-states", t("states"), html`<input id="machine-states" name="states" />`)}
    <button type="submit">${t("addMachine")}</button>
    ${outcomeView(ctx, "add-machine")}
  </form>`;
}
