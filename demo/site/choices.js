// "Your privacy choices": the decision in force, the records the server keeps, and erasure.
(() => {
  const script = document.currentScript;
  const manager = window.cookieConsent;
  const receipt = document.getElementById('receipt');
  const list = document.getElementById('records');
  const none = document.getElementById('records-none');
  const erased = document.getElementById('erased');

  // A decision and its delivery each ask for the list; only the latest answer is shown, so a
  // slow older answer never overwrites a newer one.
  let latest = 0;
  async function showRecords() {
    const asked = ++latest;
    let records = [];
    // The receiver finds this visitor's records by the HttpOnly credential it set on their first record.
    if (manager.decision) {
      const response = await fetch('/api/consent/me');
      const body = response.ok ? await response.json() : { records: [] };
      records = body.records ?? [];
    }
    if (asked !== latest) return;
    none.hidden = records.length > 0;
    list.replaceChildren(
      ...records.map((record) => {
        const item = document.createElement('li');
        const allowed = Object.entries(record.categories)
          .filter(([, on]) => on)
          .map(([id]) => id)
          .join(', ');
        item.textContent = `${new Date(record.timestamp).toLocaleString(document.documentElement.lang)} — ${record.method} (${record.layer}): ${allowed}`;
        return item;
      }),
    );
  }

  function showDecision() {
    receipt.textContent = manager.decision ? JSON.stringify(manager.decision, null, 2) : receipt.textContent;
  }

  document.getElementById('withdraw').addEventListener('click', () => manager.withdraw());
  document.getElementById('erase').addEventListener('click', async () => {
    if (!manager.decision) return;
    const response = await fetch('/api/consent/me', { method: 'DELETE' });
    const body = response.ok ? await response.json() : { erased: 0 };
    erased.textContent = `${script.dataset.erased} ${body.erased ?? 0}`;
    await showRecords();
  });
  document.addEventListener('consent-delivered', () => void showRecords());
  document.addEventListener('consent-change', () => {
    showDecision();
    void showRecords();
  });
  manager.ready.then(() => {
    showDecision();
    void showRecords();
  });
})();
