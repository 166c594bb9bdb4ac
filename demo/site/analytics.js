// Stand-in for an analytics tag: it only runs once "analytics" is granted, and counts page views.
(() => {
  const views = Number(localStorage.getItem('demo_analytics_views') ?? 0) + 1;
  localStorage.setItem('demo_analytics_views', String(views));
  window.demoAnalyticsRuns = (window.demoAnalyticsRuns ?? 0) + 1;
  const show = () => {
    const output = document.getElementById('analytics-count');
    if (output) output.textContent = String(views);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show, { once: true });
  else show();
})();
