// Stand-in for a heatmap tool, the second analytics service: it only runs once "heatmap" is
// granted, and counts the visitor's clicks in a cookie of its own.
(() => {
  const read = () => Number(/(?:^|; )demo_heatmap_clicks=(\d+)/.exec(document.cookie)?.[1] ?? 0);
  const show = () => {
    const output = document.getElementById('heatmap-count');
    if (output) output.textContent = String(read());
  };
  window.demoHeatmapRuns = (window.demoHeatmapRuns ?? 0) + 1;
  document.addEventListener('click', () => {
    document.cookie = `demo_heatmap_clicks=${read() + 1}; Max-Age=${180 * 86400}; Path=/; SameSite=Lax`;
    show();
  });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show, { once: true });
  else show();
})();
