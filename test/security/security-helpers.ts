import type { ConsentManager } from '../../src/core/manager.js';
import { openFrame, visibleIn, waitFor } from '../helpers.js';

export type CspMode = 'none' | 'strict' | 'tt' | 'tt-dup';

/** What test/fixtures/security/probe.js records in every page. */
export interface ProbedWindow extends Window {
  manager?: ConsentManager;
  cookieConsent?: ConsentManager;
  runs: string[];
  runInfo: Record<string, { nonce?: string; readyState: string }>;
  errors: string[];
  warnings: string[];
  consoleErrors: string[];
  violations: string[];
  policyNames: string[];
  pageAlive?: boolean;
  pageClicks?: number;
  npmLoaded?: boolean;
  trustedTypes?: unknown;
}

export interface SecurityPageOptions {
  csp?: CspMode;
  /** The configuration, or the raw JSON text of the page's configuration block. */
  config?: object | string;
  /** data-* attributes of the script tag, by name without "data-". */
  data?: Record<string, string>;
  break?: string[];
  /** Resolve once the page has loaded, without waiting for a manager (a refused configuration). */
  noManager?: boolean;
}

export function securityUrl(file: string, options: SecurityPageOptions = {}, origin = ''): string {
  const params = new URLSearchParams({ csp: options.csp ?? 'strict' });
  if (options.config) params.set('config', typeof options.config === 'string' ? options.config : JSON.stringify(options.config));
  if (options.data) params.set('data', JSON.stringify(options.data));
  if (options.break) params.set('break', options.break.join(','));
  return `${origin}/security/${file}?${params}`;
}

/** A page of test/fixtures/security/ served by test/security/csp-server.mjs, in an iframe. */
export async function openSecurityPage(file: string, options: SecurityPageOptions = {}) {
  const opened = await openFrame(securityUrl(file, options));
  const page = () => opened.frame.contentWindow as ProbedWindow;
  if (!options.noManager) {
    await waitFor(() => page().manager !== undefined, `the manager of ${file}`);
    await page().manager!.ready;
  }
  const element = () => opened.frame.contentDocument!.querySelector('cookie-consent')!;
  const shadow = () => element().shadowRoot;
  const visible = (selector: string) => visibleIn(shadow(), selector);
  /** Clicks the visible element of the widget, once it is there. */
  const click = async (selector: string): Promise<void> => {
    await waitFor(() => visible(selector) !== null, `${selector} to be visible`);
    visible(selector)!.click();
  };
  return { ...opened, page, element, shadow, visible, click };
}

export type SecurityPage = Awaited<ReturnType<typeof openSecurityPage>>;

/** The nonce the server gave this page (every script of the page carries it). */
export function pageNonce(win: Window): string {
  return Array.from(win.document.scripts).find((script) => script.nonce)?.nonce ?? '';
}

export async function waitForBanner(page: SecurityPage): Promise<void> {
  await waitFor(() => page.visible('[part~="banner"]') !== null, 'the banner');
}

export async function waitForDialog(page: SecurityPage): Promise<HTMLDialogElement> {
  await waitFor(() => page.shadow()?.querySelector<HTMLDialogElement>('dialog[part~="dialog"]')?.open === true, 'the preferences dialog');
  return page.shadow()!.querySelector<HTMLDialogElement>('dialog[part~="dialog"]')!;
}

/** Whether the browser enforces Trusted Types in this page (Firefox ESR may not have them). */
export function hasTrustedTypes(win: Window): boolean {
  return typeof (win as ProbedWindow).trustedTypes === 'object' && (win as ProbedWindow).trustedTypes !== null;
}

/** Logged into the test output where a browser behaves differently, so the difference is visible. */
export function note(text: string): void {
  console.log(`[security] ${navigator.userAgent.includes('Firefox') ? 'Firefox' : 'Chromium'}: ${text}`);
}
