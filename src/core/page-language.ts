/**
 * Calls `changed` after every change of `<html lang>`: a single-page app that switches its
 * language without a reload sets it, and the widget speaks what the page speaks. Returns what
 * stops listening.
 */
export function watchPageLanguage(win: Window, changed: () => void): () => void {
  const observer = new (win as unknown as typeof globalThis).MutationObserver(changed);
  observer.observe(win.document.documentElement, { attributeFilter: ['lang'] });
  return () => observer.disconnect();
}
