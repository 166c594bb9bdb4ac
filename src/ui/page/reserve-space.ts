/**
 * A sticky banner must not hide the element that has focus (WCAG 2.4.11). Scroll padding makes
 * the browser scroll focused elements clear of it, and as much padding at the end of the page
 * lets the last elements scroll clear too. Both are undone when the banner goes.
 */
export class ReservedSpace {
  private observer?: ResizeObserver;
  private target?: Element;
  private saved?: { scrollPaddingBottom: string; paddingBottom: string; basePadding?: number };

  constructor(private readonly root: HTMLElement) {}

  /**
   * Measures when the observer first reports, right after the browser's own layout: measuring
   * here, while the page may still be loading, would force a layout of the whole page in the
   * middle of the widget's start (the largest cost of a returning visitor's page view).
   */
  reserveFor(element: Element | null): void {
    if (element === this.target) return;
    this.release();
    if (!element) return;
    this.target = element;
    this.saved = { scrollPaddingBottom: this.root.style.scrollPaddingBottom, paddingBottom: this.root.style.paddingBottom };
    this.observer = new ResizeObserver(() => this.apply());
    this.observer.observe(element);
  }

  release(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    if (this.saved) {
      this.root.style.scrollPaddingBottom = this.saved.scrollPaddingBottom;
      this.root.style.paddingBottom = this.saved.paddingBottom;
    }
    this.target = undefined;
    this.saved = undefined;
  }

  private apply(): void {
    if (!this.target || !this.saved) return;
    // The page removed the widget (or the element drawn before the interface): give the room back.
    if (!this.target.isConnected) return this.release();
    const view = this.root.ownerDocument.defaultView;
    // The page's own padding, read before this adds any.
    this.saved.basePadding ??= parseFloat(view?.getComputedStyle(this.root).paddingBottom ?? '0') || 0;
    const box = this.target.getBoundingClientRect();
    const covered = Math.max(0, Math.ceil((view?.innerHeight ?? box.bottom) - box.top));
    if (covered === 0) {
      this.root.style.scrollPaddingBottom = this.saved.scrollPaddingBottom;
      this.root.style.paddingBottom = this.saved.paddingBottom;
      return;
    }
    this.root.style.scrollPaddingBottom = `${covered + 8}px`;
    this.root.style.paddingBottom = `${this.saved.basePadding + covered}px`;
  }
}
