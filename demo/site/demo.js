// Shows the visitor's decision as the manager reports it.
const output = document.getElementById('decision');
const show = (decision) => {
  output.textContent = decision ? JSON.stringify(decision, null, 2) : 'No decision yet.';
};
document.addEventListener('consent-change', (event) => show(event.detail.decision));
window.cookieConsent?.ready.then(() => show(window.cookieConsent.decision));
