/** Layout every field widget shares: label above the control, help and error below. */
import { css } from "lit";

export const widgetStyles = css`
  :host {
    display: block;
    margin-block-end: calc(var(--weave-space) * 2);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: calc(var(--weave-space) * 0.5);
  }
  label,
  .label {
    font-weight: 600;
  }
  .required {
    color: var(--weave-color-danger);
    margin-inline-start: 0.15em;
  }
  .help {
    font-size: 0.875em;
    color: var(--weave-color-text-muted);
  }
  .error:empty {
    display: none;
  }
  .error {
    font-size: 0.875em;
  }
  input:not([type="checkbox"]):not([type="file"]),
  select,
  textarea {
    width: 100%;
  }
  input:read-only,
  textarea:read-only {
    background: var(--weave-color-background);
  }
  .affix {
    display: flex;
    align-items: center;
    gap: calc(var(--weave-space) * 0.5);
  }
  .affix input {
    flex: 1;
  }
`;
