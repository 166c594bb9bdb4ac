/**
 * A test-runner command that turns on `forced-colors: active` (Windows High Contrast) in
 * Chromium through the DevTools protocol. Firefox over WebDriver BiDi has no such emulation:
 * the command answers false there and the test checks the stylesheet's forced-colors rules.
 */
export function forcedColorsPlugin() {
  return {
    name: 'forced-colors-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      if (session.browser.name !== 'Chromium') return false;
      const page = session.browser.getPage(session.id);
      const client = await page.createCDPSession();
      await client.send('Emulation.setEmulatedMedia', {
        features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }],
      });
      return true;
    },
  };
}
