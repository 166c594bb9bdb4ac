import type { Page } from 'playwright-core';

export type Choice = 'accept' | 'reject';

/** Buttons of widgets other than ours, found by their accessible name. */
const BUTTON_NAMES: Record<Choice, RegExp> = {
  accept: /accept all|allow all|accept|agree|allow/i,
  reject: /reject all|deny all|decline all|refuse all|reject|decline|refuse|deny/i,
};

/** Runs in the page: the widget's own API, once it has started; false when the page has none. */
async function chooseThroughApi(method: 'acceptAll' | 'rejectAll'): Promise<boolean> {
  const api = (window as unknown as { cookieConsent?: Record<string, unknown> }).cookieConsent;
  if (!api || typeof api[method] !== 'function') return false;
  if (api['ready'] instanceof Promise) await Promise.race([api['ready'], new Promise((resolve) => setTimeout(resolve, 5000))]);
  await (api[method] as () => Promise<unknown>).call(api);
  return true;
}

/**
 * Makes the visitor's choice on the page: through `window.cookieConsent` when the page has the
 * widget, else by clicking the first button named like "Accept all" or "Reject all".
 */
export async function makeChoice(page: Page, choice: Choice): Promise<'api' | 'button' | 'none'> {
  const method: 'acceptAll' | 'rejectAll' = choice === 'accept' ? 'acceptAll' : 'rejectAll';
  const viaApi = await page.evaluate(chooseThroughApi, method).catch(() => false);
  if (viaApi) return 'api';
  try {
    // A banner drawn by a script may show seconds after load on a slow site or a busy machine
    // (3 s missed it under load); a page with no banner at all pays this wait once per choice.
    await page.getByRole('button', { name: BUTTON_NAMES[choice] }).first().click({ timeout: 10_000 });
    return 'button';
  } catch {
    return 'none';
  }
}
