/**
 * Styles every weave element shares: type, buttons, inputs, focus rings, visually hidden text.
 * They read only `--weave-*` tokens, so a theme or a page restyles every element at once.
 */
import { css } from "lit";

export const baseStyles = css`
  :host {
    font-family: var(--weave-font-body);
    color: var(--weave-color-text);
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--weave-focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  button,
  .button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--weave-radius);
    border: 1px solid var(--weave-color-border);
    background: var(--weave-color-surface);
    color: var(--weave-color-text);
    padding: calc(var(--weave-space) * 0.75) calc(var(--weave-space) * 1.5);
    min-height: 2.25rem;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    gap: calc(var(--weave-space) * 0.5);
  }
  button.primary,
  .button.primary {
    background: var(--weave-color-primary);
    border-color: var(--weave-color-primary);
    color: var(--weave-color-on-primary);
  }
  button.danger {
    color: var(--weave-color-danger);
    border-color: var(--weave-color-danger);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--weave-color-text);
    background: var(--weave-color-surface);
    border: 1px solid var(--weave-color-border);
    border-radius: var(--weave-radius);
    padding: calc(var(--weave-space) * 0.75);
    min-height: 2.25rem;
  }
  [aria-invalid="true"] {
    border-color: var(--weave-color-danger);
  }
  .error {
    color: var(--weave-color-danger);
  }
  .muted {
    color: var(--weave-color-text-muted);
  }
  a {
    color: var(--weave-color-primary);
  }
`;
