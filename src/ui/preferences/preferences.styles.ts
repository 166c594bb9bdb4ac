import { css } from 'lit';

export const preferencesStyles = css`
  dialog.cc-preferences {
    width: min(44rem, calc(100vw - 1rem));
    /* Browsers' own dialog max-width is narrower than ours on small screens: one rule for all. */
    max-width: calc(100vw - 1rem);
    max-height: calc(100dvh - 1rem);
    padding: 0;
    border: 1px solid var(--cc-border);
    border-radius: var(--cc-radius);
    background: var(--cc-bg);
    color: var(--cc-text);
    box-shadow: var(--cc-shadow);
  }
  dialog.cc-preferences::backdrop {
    background: var(--cc-backdrop);
  }
  .cc-sheet {
    display: flex;
    flex-direction: column;
    gap: 1rem;
    padding: 1.25rem;
  }
  .cc-header {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: 1rem;
  }
  .cc-header h2 {
    font-size: 1.25em;
  }
  .cc-icon-button {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 2.75rem;
    height: 2.75rem;
    padding: 0;
    border: 2px solid var(--cc-border);
    border-radius: var(--cc-radius);
    background: transparent;
    color: var(--cc-text);
    font: inherit;
    font-size: 1.5rem;
    line-height: 1;
    cursor: pointer;
  }
  .cc-muted {
    color: var(--cc-muted);
  }
  .cc-notice {
    padding: 0.75rem;
    border-inline-start: 4px solid var(--cc-switch-on);
    background: color-mix(in srgb, var(--cc-switch-on) 8%, var(--cc-bg));
  }
  .cc-categories {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .cc-category {
    padding: 0.875rem 1rem;
    border: 1px solid var(--cc-border);
    border-radius: var(--cc-radius);
  }
  .cc-category-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
  }
  .cc-category-head label {
    min-width: 0;
    overflow-wrap: anywhere;
    font-weight: 600;
    cursor: pointer;
  }
  .cc-services {
    list-style: none;
    margin: 0.75rem 0 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  .cc-service {
    padding-block: 0.625rem;
    padding-inline-start: 0.875rem;
    border-inline-start: 3px solid var(--cc-border);
  }
  .cc-service .cc-category-head label {
    font-weight: 500;
  }
  .cc-service p {
    margin-block-start: 0.25rem;
  }
  .cc-control {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
  }
  .cc-category p {
    margin-block-start: 0.375rem;
  }
  details {
    margin-block-start: 0.5rem;
  }
  summary {
    cursor: pointer;
    min-height: 1.5rem;
    color: var(--cc-link);
    font-weight: 600;
  }
  .cc-table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    margin-block-start: 0.5rem;
    font-size: 0.875em;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.375rem 0.5rem;
    border-block-end: 1px solid var(--cc-border);
    overflow-wrap: anywhere;
  }
  .cc-receipt {
    padding: 0.875rem 1rem;
    border: 1px dashed var(--cc-border);
    border-radius: var(--cc-radius);
  }
  .cc-receipt h3 {
    font-size: 1em;
    margin-block-end: 0.5rem;
  }
  .cc-receipt dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
    margin: 0;
  }
  .cc-receipt dt {
    font-weight: 600;
  }
  .cc-receipt dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .cc-receipt ol {
    margin: 0.5rem 0 0;
    padding-inline-start: 1.25rem;
  }
  .cc-footer {
    position: sticky;
    inset-block-end: 0;
    padding: 1rem 1.25rem;
    border-block-start: 1px solid var(--cc-border);
    background: var(--cc-bg);
  }
  @media (max-width: 30rem) {
    .cc-receipt dl {
      grid-template-columns: 1fr;
    }
  }
  @media (forced-colors: active) {
    dialog.cc-preferences {
      border: 2px solid CanvasText;
    }
    .cc-icon-button {
      border-color: ButtonText;
    }
  }
`;
