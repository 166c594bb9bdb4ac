import { css } from 'lit';

/** The dark theme's tokens for buttons: chosen by `theme="dark"`, and by the system when the theme is `auto`. */
const darkButtonTokens = css`
  --cc-button-bg: #f2f2f5;
  --cc-button-text: #1b1b1f;
  --cc-focus: #9cc2ff;
`;

/** The dark theme's other tokens. */
const darkContentTokens = css`
  --cc-bg: #1b1b1f;
  --cc-text: #f2f2f5;
  --cc-muted: #c4c4cc;
  --cc-link: #9cc2ff;
  --cc-border: #a0a0aa;
  --cc-switch-on: #9cc2ff;
  --cc-switch-off: #a0a0aa;
`;

/**
 * The part of the theme a button is drawn with, and the host's font: all the script tag's
 * settings button takes on every page view (src/embed/settings-look.ts), so it stays small.
 */
export const buttonTokens = css`
  :host {
    --cc-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif;
    --cc-font-size: 1rem;
    --cc-button-bg: #1b1b1f;
    --cc-button-text: #ffffff;
    --cc-focus: #0b57d0;
    --cc-radius: 0.5rem;
    --cc-shadow: 0 0.25rem 1.5rem rgb(0 0 0 / 0.2);
    --cc-z-index: 2147483000;
    font-family: var(--cc-font-family);
    font-size: var(--cc-font-size);
    line-height: 1.5;
  }
  :host([theme='dark']) {
    ${darkButtonTokens}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkButtonTokens}
    }
  }
`;

/** The theme: every token the layers draw with. */
export const themeTokens = css`
  ${buttonTokens}
  :host {
    --cc-bg: #ffffff;
    --cc-text: #1b1b1f;
    --cc-muted: #4a4a55;
    --cc-link: #0b57d0;
    --cc-border: #6b6b75;
    --cc-switch-on: #0b57d0;
    --cc-switch-off: #6b6b75;
    --cc-backdrop: rgb(0 0 0 / 0.5);
    color: var(--cc-text);
  }
  :host([theme='dark']) {
    ${darkContentTokens}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkContentTokens}
    }
  }
`;

/** The one button style every layer shares, so no button outweighs another. */
export const buttonStyles = css`
  .cc-button {
    box-sizing: border-box;
    font: inherit;
    font-weight: 600;
    line-height: 1.25;
    min-height: 2.75rem;
    min-width: 0;
    padding: 0.625rem 1rem;
    border-radius: var(--cc-radius);
    border: 2px solid var(--cc-button-bg);
    background: var(--cc-button-bg);
    color: var(--cc-button-text);
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  .cc-button:hover {
    filter: brightness(1.15);
  }
  .cc-button:focus-visible {
    outline: 3px solid var(--cc-focus);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    .cc-button {
      border-color: ButtonText;
    }
    .cc-button:focus-visible {
      outline-color: Highlight;
    }
  }
`;

/** The theme, the buttons and what every layer's content shares. */
export const baseStyles = css`
  ${themeTokens}
  [hidden] {
    display: none !important;
  }
  * {
    box-sizing: border-box;
  }
  h2,
  h3 {
    margin: 0;
    line-height: 1.3;
  }
  p {
    margin: 0;
  }
  a {
    color: var(--cc-link);
    text-underline-offset: 0.15em;
  }
  ${buttonStyles}
  a:focus-visible,
  summary:focus-visible,
  .cc-icon-button:focus-visible {
    outline: 3px solid var(--cc-focus);
    outline-offset: 2px;
  }
  .cc-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .cc-actions > .cc-button {
    flex: 1 1 9rem;
  }
  @media (forced-colors: active) {
    a:focus-visible,
    summary:focus-visible {
      outline-color: Highlight;
    }
  }
`;

export const settingsButtonStyles = css`
  .cc-settings {
    position: fixed;
    z-index: var(--cc-z-index);
    inset-block-end: 1rem;
    inset-inline-start: 1rem;
    min-height: 2.5rem;
    padding: 0.5rem 0.875rem;
    font-size: 0.875em;
    box-shadow: var(--cc-shadow);
  }
`;
