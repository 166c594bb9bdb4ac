import { css } from 'lit';

export const styles = css`
  :host {
    --cc-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    --cc-font-size: 1rem;
    --cc-bg: #ffffff;
    --cc-text: #1b1b1f;
    --cc-link: #0b57d0;
    --cc-border: #6b6b75;
    --cc-button-bg: #1b1b1f;
    --cc-button-text: #ffffff;
    --cc-focus: #0b57d0;
    --cc-radius: 0.5rem;
    --cc-z-index: 2147483000;
    font-family: var(--cc-font-family);
    font-size: var(--cc-font-size);
    line-height: 1.5;
    color: var(--cc-text);
  }
  :host([theme='dark']) {
    --cc-bg: #1b1b1f;
    --cc-text: #f2f2f5;
    --cc-link: #9cc2ff;
    --cc-border: #a0a0aa;
    --cc-button-bg: #f2f2f5;
    --cc-button-text: #1b1b1f;
    --cc-focus: #9cc2ff;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --cc-bg: #1b1b1f;
      --cc-text: #f2f2f5;
      --cc-link: #9cc2ff;
      --cc-border: #a0a0aa;
      --cc-button-bg: #f2f2f5;
      --cc-button-text: #1b1b1f;
      --cc-focus: #9cc2ff;
    }
  }
  [hidden] {
    display: none !important;
  }
  .banner {
    position: fixed;
    z-index: var(--cc-z-index);
    inset: auto 0 0 0;
    box-sizing: border-box;
    max-height: 100vh;
    overflow: auto;
    padding: 1rem 1.25rem;
    background: var(--cc-bg);
    color: var(--cc-text);
    border-top: 1px solid var(--cc-border);
    box-shadow: 0 -0.25rem 1rem rgb(0 0 0 / 0.15);
  }
  .content {
    max-width: 72rem;
    margin: 0 auto;
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1.5rem;
    align-items: center;
  }
  .text {
    flex: 1 1 24rem;
    min-width: 0;
  }
  h2 {
    margin: 0 0 0.25rem;
    font-size: 1.125em;
  }
  p {
    margin: 0;
  }
  a {
    color: var(--cc-link);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  button {
    font: inherit;
    min-height: 2.75rem;
    min-width: 8rem;
    padding: 0.5rem 1rem;
    border-radius: var(--cc-radius);
    border: 2px solid var(--cc-button-bg);
    background: var(--cc-button-bg);
    color: var(--cc-button-text);
    font-weight: 600;
    cursor: pointer;
  }
  button:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--cc-focus);
    outline-offset: 2px;
  }
  .settings {
    position: fixed;
    z-index: var(--cc-z-index);
    inset: auto auto 1rem 1rem;
    min-width: 0;
    font-size: 0.875em;
    min-height: 2.25rem;
  }
  @media (forced-colors: active) {
    button {
      border: 2px solid ButtonText;
    }
  }
`;
