import { css } from "lit";

export const formStyles = css`
  :host {
    display: block;
  }
  form {
    display: flex;
    flex-direction: column;
    gap: calc(var(--weave-space) * 2);
    max-width: 48rem;
  }
  fieldset {
    border: 1px solid var(--weave-color-border);
    border-radius: var(--weave-radius);
    background: var(--weave-color-surface);
    padding: calc(var(--weave-space) * 2);
    margin: 0;
  }
  legend {
    font-weight: 700;
    padding: 0 calc(var(--weave-space) * 0.5);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--weave-space);
  }
  .summary,
  .conflict {
    border: 2px solid var(--weave-color-danger);
    border-radius: var(--weave-radius);
    padding: calc(var(--weave-space) * 1.5) calc(var(--weave-space) * 2);
    background: var(--weave-color-surface);
  }
  .summary h2 {
    font-size: 1.1rem;
    margin: 0 0 var(--weave-space);
    color: var(--weave-color-danger);
  }
  .summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .summary a {
    color: var(--weave-color-danger);
    font-weight: 600;
  }
  .conflict p {
    margin-top: 0;
  }
`;
