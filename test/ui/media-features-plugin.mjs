/**
 * A test-runner command that emulates CSS media features (prefers-reduced-motion,
 * prefers-color-scheme, forced-colors) in Chromium through the DevTools protocol. Firefox over
 * WebDriver BiDi has no such emulation: the command answers false there, and the tests check the
 * stylesheet's media rules as the browser parsed them instead.
 */
export function mediaFeaturesPlugin() {
  // Emulation lasts as long as the DevTools session that set it: keep one per page.
  const sessions = new WeakMap();
  return {
    name: 'emulate-media-features-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-media-features') return undefined;
      if (session.browser.name !== 'Chromium') return false;
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      await sessions.get(page).send('Emulation.setEmulatedMedia', { features: payload?.features ?? [] });
      return true;
    },
  };
}
