import { css } from 'lit';

export const bannerStyles = css`
  .cc-banner {
    z-index: var(--cc-z-index);
    background: var(--cc-bg);
    color: var(--cc-text);
    box-shadow: var(--cc-shadow);
    overflow: auto;
    animation: cc-rise 180ms ease-out;
  }
  .cc-banner .cc-title {
    font-size: 1.125em;
    margin-block-end: 0.25rem;
  }
  .cc-banner .cc-actions {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 8.5rem), 1fr));
    margin-block-start: 0.75rem;
  }
  .cc-layout-bar {
    position: fixed;
    inset: auto 0 0 0;
    max-height: 100dvh;
    padding: 1rem 1.25rem;
    border-block-start: 1px solid var(--cc-border);
  }
  .cc-layout-bar .cc-inner {
    max-width: 72rem;
    margin: 0 auto;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem 2rem;
  }
  .cc-layout-bar .cc-text {
    flex: 999 1 28rem;
    min-width: 0;
  }
  .cc-layout-bar .cc-actions {
    flex: 1 1 27rem;
    margin-block-start: 0;
  }
  .cc-layout-box {
    position: fixed;
    inset-block-end: 1rem;
    inset-inline-end: 1rem;
    width: min(26rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    padding: 1.25rem;
    border: 1px solid var(--cc-border);
    border-radius: var(--cc-radius);
  }
  dialog.cc-layout-modal {
    width: min(34rem, calc(100vw - 2rem));
    max-width: calc(100vw - 2rem);
    max-height: calc(100dvh - 2rem);
    padding: 1.5rem;
    border: 1px solid var(--cc-border);
    border-radius: var(--cc-radius);
  }
  dialog.cc-layout-modal::backdrop {
    background: var(--cc-backdrop);
  }
  /* A rise only, no fade: the banner is readable from its first frame. */
  @keyframes cc-rise {
    from {
      transform: translateY(0.5rem);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .cc-banner {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    .cc-banner {
      border: 2px solid CanvasText;
    }
  }
`;
