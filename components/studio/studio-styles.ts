/** The Studio's styles: tokens only, as every weave element. */
import { css } from "lit";

export const studioStyles = css`
  :host {
    display: block;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(20rem, 28rem);
    gap: calc(var(--weave-space) * 2);
    align-items: start;
  }
  @media (max-width: 900px) {
    .layout {
      grid-template-columns: 1fr;
    }
  }
  .toolbar {
    display: flex;
    gap: var(--weave-space);
    margin-bottom: var(--weave-space);
  }
  .diagram {
    overflow: auto;
    border: 1px solid var(--weave-color-border);
    border-radius: var(--weave-radius);
    background: var(--weave-color-background);
    padding: calc(var(--weave-space) * 2);
  }
  .canvas {
    position: relative;
  }
  svg {
    position: absolute;
    inset: 0;
  }
  .edge {
    stroke: var(--weave-color-text-muted);
    stroke-width: 1.5;
  }
  .edge.dashed {
    stroke-dasharray: 6 4;
  }
  button.entity {
    position: absolute;
    flex-direction: column;
    align-items: stretch;
    gap: 0;
    padding: calc(var(--weave-space) * 0.5) var(--weave-space);
    text-align: left;
    background: var(--weave-color-surface);
    overflow: hidden;
  }
  button.entity[aria-pressed="true"] {
    border-color: var(--weave-color-primary);
    box-shadow: 0 0 0 2px var(--weave-color-primary);
  }
  .row {
    display: flex;
    justify-content: space-between;
    gap: var(--weave-space);
    font-size: 0.85rem;
    line-height: 20px;
  }
  .panel {
    border: 1px solid var(--weave-color-border);
    border-radius: var(--weave-radius);
    background: var(--weave-color-surface);
    padding: calc(var(--weave-space) * 2);
  }
  h2 {
    font-size: 1.2rem;
    margin: 0 0 var(--weave-space);
  }
  h2:focus {
    outline: none;
  }
  h3 {
    font-size: 1rem;
    margin: calc(var(--weave-space) * 2) 0 var(--weave-space);
  }
  h4 {
    margin: var(--weave-space) 0;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    gap: var(--weave-space);
    align-items: end;
    margin-bottom: var(--weave-space);
  }
  fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: var(--weave-space);
    border: 1px solid var(--weave-color-border);
    border-radius: var(--weave-radius);
  }
  .control {
    display: flex;
    flex-direction: column;
    gap: 2px;
    font-size: 0.85rem;
  }
  .check {
    display: inline-flex;
    gap: 4px;
    align-items: center;
  }
  .mono,
  code,
  pre {
    font-family: var(--weave-font-mono);
  }
  .outcome,
  .live {
    flex-basis: 100%;
  }
  .outcome:empty,
  .live:empty {
    display: none;
  }
  .ok {
    color: var(--weave-color-success);
  }
  .diagnostics {
    margin: 0;
    padding-left: 1.2rem;
  }
  .diagnostics .error {
    color: var(--weave-color-danger);
  }
  .diagnostics .warning {
    color: var(--weave-color-warning);
  }
  .fields,
  .transitions,
  .states,
  .made {
    list-style: none;
    padding: 0;
  }
  .states {
    display: flex;
    flex-wrap: wrap;
    gap: var(--weave-space);
  }
  .made li {
    margin-bottom: var(--weave-space);
  }
  .fields li,
  .states li {
    display: flex;
    gap: var(--weave-space);
    align-items: center;
  }
  button.small,
  button.link {
    min-height: 0;
    padding: 2px 6px;
  }
  button.link {
    border: none;
    background: none;
    color: var(--weave-color-primary);
    text-decoration: underline;
  }
  .state {
    display: inline-block;
    padding: 0 6px;
    border: 1px solid var(--weave-color-border);
    border-radius: var(--weave-radius);
  }
  .state[data-initial="true"] {
    border-color: var(--weave-color-primary);
  }
  .machine {
    border-top: 1px solid var(--weave-color-border);
  }
  pre.diff {
    background: var(--weave-color-background);
    border: 1px solid var(--weave-color-border);
    border-radius: var(--weave-radius);
    padding: var(--weave-space);
    overflow: auto;
    max-height: 24rem;
  }
  .diff .add {
    color: var(--weave-color-success);
  }
  .diff .del {
    color: var(--weave-color-danger);
  }
  .diff .head {
    font-weight: bold;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--weave-space);
  }
  code.abs {
    display: block;
    font-size: 0.75rem;
    word-break: break-all;
  }
  dialog.confirm {
    max-width: min(48rem, 90vw);
    border: 1px solid var(--weave-color-border);
    border-radius: var(--weave-radius);
    background: var(--weave-color-surface);
    color: var(--weave-color-text);
    padding: calc(var(--weave-space) * 2);
  }
  dialog.confirm::backdrop {
    background: color-mix(in srgb, var(--weave-color-text) 40%, transparent);
  }
  .inspector {
    border-top: 1px solid var(--weave-color-border);
    margin-top: calc(var(--weave-space) * 2);
  }
`;
