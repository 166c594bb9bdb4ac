import { matchesPattern } from './gating/erase.js';
import { parseRequirement } from './gating/requirement.js';
import { isActivatedScript } from './gating/scripts.js';
import { warnOnce } from './log.js';
import type { ConsentManager } from './manager.js';
import { readDocumentCookies } from './storage/cookie-jar.js';

/** Tags that set cookies or send data about the visitor, by where they load from and their snippets. */
export const KNOWN_TRACKERS: readonly { name: string; src: RegExp; inline: RegExp }[] = [
  { name: 'Google Tag Manager', src: /\/\/[^/]*googletagmanager\.com\/gtm\.js/i, inline: /googletagmanager\.com\/gtm\.js|['"]gtm\.start['"]/ },
  {
    name: 'Google Analytics (gtag.js)',
    src: /\/\/[^/]*(googletagmanager\.com\/gtag\/js|google-analytics\.com\/(analytics|ga)\.js)/i,
    inline: /googletagmanager\.com\/gtag\/js|google-analytics\.com\/(analytics|ga)\.js|gtag\(\s*['"]config['"]/,
  },
  { name: 'Meta Pixel', src: /\/\/connect\.facebook\.net\/[^/]+\/fbevents\.js/i, inline: /connect\.facebook\.net|fbq\(\s*['"]init['"]/ },
  { name: 'Hotjar', src: /\/\/[^/]*static\.hotjar\.com\//i, inline: /static\.hotjar\.com|_hjSettings/ },
  { name: 'Microsoft Clarity', src: /\/\/[^/]*clarity\.ms\/tag\//i, inline: /clarity\.ms\/tag/ },
];

const EXECUTABLE_TYPE = /^(|module|(text|application)\/(x-)?(java|ecma)script|text\/(jscript|livescript))$/i;
/** Scripts set cookies a while after load (analytics on first interaction, pixels after a timer). */
const LATE_CHECK_MS = 1500;

/** The known tracker a script loads or is the snippet of, or null. Marked and inert scripts are not trackers that run. */
export function knownTracker(script: HTMLScriptElement): string | null {
  if (script.hasAttribute('data-consent')) return null;
  if (!EXECUTABLE_TYPE.test((script.getAttribute('type') ?? '').trim())) return null;
  const src = script.getAttribute('src');
  const text = src === null ? script.text.slice(0, 20_000) : '';
  const url = src === null ? '' : new URL(src, script.ownerDocument.baseURI).href;
  return KNOWN_TRACKERS.find((tracker) => (src === null ? tracker.inline.test(text) : tracker.src.test(url)))?.name ?? null;
}

function storageKeys(win: Window, kind: 'localStorage' | 'sessionStorage'): string[] {
  try {
    const storage = win[kind];
    return Array.from({ length: storage.length }, (_, index) => storage.key(index) ?? '').filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * Debug mode (`debug: true`): tells the site's developer, in the console, where the page leaks
 * before consent — cookies and storage keys no required category declares, known trackers with
 * no `data-consent` mark, and marks that name no configured category.
 */
export function startDebug(manager: ConsentManager, win: Window): void {
  const config = manager.config;
  if (!config?.debug) return;
  const doc = win.document;
  const known = new Set(config.categories.flatMap((category) => [category.id, ...category.services.map((service) => service.id)]));
  const allowed = [
    config.cookie.name,
    ...config.categories.filter((c) => c.required).flatMap((c) => [...c.erase, ...c.services.flatMap((service) => service.erase)]),
  ];
  const nothingGranted = (): boolean => config.categories.every((category) => category.required || !manager.granted(category.id));

  const checkStorage = (): void => {
    if (manager.decision !== null) return;
    const found: [string, string][] = [
      ...readDocumentCookies(doc)
        .split(';')
        .map((pair) => pair.split('=')[0]!.trim())
        .filter(Boolean)
        .map((name): [string, string] => ['cookie', name]),
      ...storageKeys(win, 'localStorage').map((key): [string, string] => ['localStorage key', key]),
      ...storageKeys(win, 'sessionStorage').map((key): [string, string] => ['sessionStorage key', key]),
    ];
    for (const [kind, name] of found) {
      if (allowed.some((pattern) => matchesPattern(name, pattern))) continue;
      warnOnce(
        `debug-${kind}-${name}`,
        `debug: the ${kind} "${name}" was set before consent, and no required category declares it. ` +
          `If it is strictly necessary, list it in a required category's cookies; otherwise gate what sets it with data-consent.`,
      );
    }
  };

  const checkElement = (element: Element): void => {
    if (element.hasAttribute('data-consent')) {
      const { granted, refused } = parseRequirement(element.getAttribute('data-consent'));
      for (const id of [...granted, ...refused].filter((category) => !known.has(category))) {
        warnOnce(`debug-unknown-${id}`, `debug: data-consent names "${id}", which is not a configured category or service, so it never runs.`, element);
      }
    }
    if (element.localName === 'script' && element.hasAttribute('data-consent') && !isActivatedScript(element)) {
      const type = (element.getAttribute('type') ?? '').trim();
      if (EXECUTABLE_TYPE.test(type)) {
        warnOnce(
          `debug-live-mark-${element.getAttribute('src') ?? element.textContent?.slice(0, 80)}`,
          `debug: a script has data-consent but type "${type || 'text/javascript'}", so the browser ran it at once; give it type="text/plain" (and its own type in data-type).`,
          element,
        );
      }
    }
    if (element.localName === 'iframe' && element.hasAttribute('data-consent') && element.hasAttribute('src') && !element.hasAttribute('data-src')) {
      warnOnce(
        `debug-iframe-src-${element.getAttribute('src')}`,
        'debug: an iframe has data-consent but a src, so it loaded at once; put its URL in data-src instead.',
        element,
      );
    }
    if (element.localName !== 'script' || !nothingGranted()) return;
    const tracker = knownTracker(element as HTMLScriptElement);
    if (tracker) {
      const where = element.getAttribute('src') ?? 'an inline script';
      warnOnce(
        `debug-tracker-${tracker}-${where}`,
        `debug: ${tracker} (${where}) is on the page without a data-consent mark, so it runs before consent. ` +
          `Mark it, e.g. <script type="text/plain" data-consent="analytics">.`,
        element,
      );
    }
  };
  const checkTree = (node: Node): void => {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const root = node as Element;
    checkElement(root);
    root.querySelectorAll('script, [data-consent]').forEach(checkElement);
  };

  const guarded = (action: () => void) => (): void => {
    try {
      action();
    } catch (error) {
      warnOnce('debug-failed', 'debug: a check failed.', error);
    }
  };
  guarded(() => {
    checkTree(doc.documentElement);
    checkStorage();
  })();
  const observer = new (win as unknown as typeof globalThis).MutationObserver((records) =>
    guarded(() => records.forEach((record) => record.addedNodes.forEach(checkTree)))(),
  );
  observer.observe(doc, { childList: true, subtree: true });
  const later = guarded(checkStorage);
  doc.addEventListener('DOMContentLoaded', later, { once: true });
  win.addEventListener(
    'load',
    () => {
      later();
      win.setTimeout(later, LATE_CHECK_MS);
    },
    { once: true },
  );
  if (doc.readyState === 'complete') win.setTimeout(later, LATE_CHECK_MS);
}
