/** Styles the view elements share: toolbars, status lines, state badges, dialogs. Tokens only. */
import { css } from "lit";

export const viewStyles = css`
  :host {
    display: block;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--weave-space);
    align-items: center;
    margin-block-end: var(--weave-space);
  }
  .toolbar .grow {
    flex: 1;
  }
  .badge {
    display: inline-block;
    padding: 0 calc(var(--weave-space) * 0.75);
    border-radius: 999px;
    border: 1px solid var(--weave-color-border);
    background: var(--weave-color-background);
    font-size: 0.875em;
    line-height: 1.6;
  }
  .status {
    margin: var(--weave-space) 0;
  }
  .alert {
    border: 1px solid var(--weave-color-danger);
    color: var(--weave-color-danger);
    border-radius: var(--weave-radius);
    padding: var(--weave-space);
    margin: var(--weave-space) 0;
  }
  .alert:empty {
    display: none;
  }
  dialog {
    border: 1px solid var(--weave-color-border);
    border-radius: var(--weave-radius);
    background: var(--weave-color-surface);
    color: var(--weave-color-text);
    padding: calc(var(--weave-space) * 2);
    max-width: min(32rem, 90vw);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  .buttons {
    display: flex;
    gap: var(--weave-space);
    justify-content: flex-end;
    margin-block-start: calc(var(--weave-space) * 2);
  }
`;
