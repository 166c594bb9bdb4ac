// Stand-in for a promotional pixel: sets its cookie and greets a returning customer with an offer.
(() => {
  const returning = document.cookie.split('; ').some((pair) => pair.startsWith('demo_promo='));
  document.cookie = `demo_promo=${Date.now()}; Max-Age=${180 * 86400}; Path=/; SameSite=Lax`;
  window.demoPixelRuns = (window.demoPixelRuns ?? 0) + 1;
  const show = () => {
    const promo = document.getElementById('promo');
    if (!promo) return;
    promo.textContent =
      document.documentElement.lang === 'lv'
        ? returning
          ? 'Prieks jūs redzēt atkal: −10 % ar kodu SVEIKS.'
          : 'Jaunums: Gauja laikapstākļu stacija.'
        : returning
          ? 'Welcome back: 10% off with code SVEIKS.'
          : 'New: the Gauja weather station.';
    promo.hidden = false;
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show, { once: true });
  else show();
})();
