// Added to every page before its own scripts (addInitScript): layout shifts, long tasks, and the
// moment the banner is first visible, polled once per frame on every page alike.
(() => {
  const probe = (window.__probe = { cls: 0, longTasks: 0, longTaskMs: 0, bannerAt: null });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) probe.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      probe.longTasks += 1;
      probe.longTaskMs += entry.duration;
    }
  }).observe({ type: 'longtask', buffered: true });
  const banner = () =>
    document.querySelector('cookie-consent')?.shadowRoot?.querySelector('[part~="banner"]') ??
    document.querySelector('#cc-main .cm') ??
    document.querySelector('.orejime-Banner');
  const shown = (element) => {
    if (!element) return false;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.bottom <= 0 || box.top >= innerHeight) return false;
    const style = getComputedStyle(element);
    return style.visibility !== 'hidden' && Number(style.opacity) > 0;
  };
  // Polls every frame for the page's whole life, also once the banner was seen, so that each
  // page (with either widget or none) pays the same for being watched.
  const poll = () => {
    if (shown(banner()) && probe.bannerAt === null) probe.bannerAt = performance.now();
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();
