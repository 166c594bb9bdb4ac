// The currency selector: a preference the shop remembers only with consent to "preferences".
(() => {
  const script = document.currentScript;
  const RATES = { EUR: 1, USD: 1.08, SEK: 11.5 };
  const SYMBOLS = { EUR: '€', USD: '$', SEK: 'kr' };
  const select = document.getElementById('currency');
  const note = document.getElementById('currency-note');
  const manager = window.cookieConsent;
  const canRemember = () => manager?.granted('preferences') === true;

  function show(currency) {
    for (const price of document.querySelectorAll('.price')) {
      const amount = Number(price.dataset.eur) * RATES[currency];
      price.textContent = `${amount.toFixed(currency === 'SEK' ? 0 : 2)} ${SYMBOLS[currency]}`;
    }
  }

  function remember(currency) {
    if (canRemember()) {
      localStorage.setItem('shop_currency', currency);
      note.textContent = script.dataset.saved;
    } else {
      note.textContent = script.dataset.note;
    }
  }

  const saved = localStorage.getItem('shop_currency');
  select.value = saved && saved in RATES ? saved : 'EUR';
  show(select.value);
  select.addEventListener('change', () => {
    show(select.value);
    remember(select.value);
  });
  document.addEventListener('consent-change', () => {
    if (canRemember() && select.value !== 'EUR') remember(select.value);
  });
})();
