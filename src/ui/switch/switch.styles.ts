import { css } from 'lit';

/** A native checkbox with role=switch: Space toggles it, forms and screen readers know it. */
export const switchStyles = css`
  .cc-switch {
    appearance: none;
    -webkit-appearance: none;
    position: relative;
    flex: none;
    width: 3rem;
    height: 1.75rem;
    margin: 0;
    border: 2px solid var(--cc-switch-off);
    border-radius: 999px;
    background: var(--cc-bg);
    cursor: pointer;
    transition: background-color 120ms;
  }
  .cc-switch::before {
    content: '';
    position: absolute;
    inset-block-start: 0.1875rem;
    inset-inline-start: 0.1875rem;
    width: 1.125rem;
    height: 1.125rem;
    border-radius: 50%;
    background: var(--cc-switch-off);
    transition: transform 120ms;
  }
  .cc-switch:checked {
    background: var(--cc-switch-on);
    border-color: var(--cc-switch-on);
  }
  .cc-switch:checked::before {
    background: var(--cc-bg);
    transform: translateX(1.25rem);
  }
  :host([dir='rtl']) .cc-switch:checked::before,
  [dir='rtl'] .cc-switch:checked::before {
    transform: translateX(-1.25rem);
  }
  .cc-switch:disabled {
    cursor: not-allowed;
  }
  .cc-switch:focus-visible {
    outline: 3px solid var(--cc-focus);
    outline-offset: 2px;
  }
  @media (prefers-reduced-motion: reduce) {
    .cc-switch,
    .cc-switch::before {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    .cc-switch {
      border-color: CanvasText;
      forced-color-adjust: none;
      background: Canvas;
    }
    .cc-switch::before {
      background: CanvasText;
    }
    .cc-switch:checked {
      background: Highlight;
      border-color: Highlight;
    }
    .cc-switch:checked::before {
      background: HighlightText;
    }
    .cc-switch:focus-visible {
      outline-color: CanvasText;
    }
  }
`;
