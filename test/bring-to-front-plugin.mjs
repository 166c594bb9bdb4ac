/**
 * A test-runner command that brings the test page to the front. Two test pages run at once in
 * each browser; keyboard input only reaches the page that has focus, as with a real visitor.
 */
export function bringToFrontPlugin() {
  return {
    name: 'bring-to-front-command',
    async executeCommand({ command, session }) {
      if (command !== 'bring-to-front') return undefined;
      await session.browser.getPage(session.id).bringToFront();
      return true;
    },
  };
}
