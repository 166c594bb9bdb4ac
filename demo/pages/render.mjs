import { readFileSync } from 'node:fs';
import { consentConfig } from '../consent-config.mjs';
import { strings } from './strings.mjs';

export const LANGUAGES = ['lv', 'en'];
const PAGES = { '': 'index', 'index.html': 'index', 'privacy.html': 'privacy', 'choices.html': 'choices' };
const read = (name) => readFileSync(new URL(name, import.meta.url), 'utf8');
const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The demo's pages for a path like `/lv/privacy.html`, or null. One layout and one template per
 * page, filled with the language's strings; the consent configuration is inlined as JSON.
 */
export function renderPage(pathname) {
  const match = /^\/(lv|en)\/([a-z.]*)$/.exec(pathname);
  // Own keys only: /en/constructor must not find Object.prototype.constructor.
  const page = match && Object.hasOwn(PAGES, match[2]) ? PAGES[match[2]] : null;
  if (!page) return null;
  const lang = match[1];
  const t = strings[lang];
  const content = page === 'privacy' ? read(`privacy.${lang}.html`) : read(`${page}.html`);
  const titles = { index: t.shopTitle, privacy: t.privacyTitle, choices: t.choicesTitle };
  // JSON inside <script> must not contain "</": it would end the element early.
  const config = JSON.stringify(consentConfig(lang)).replace(/<\//g, '<\\/');
  return read('layout.html')
    .replace('{{content}}', content)
    .replace('{{consentConfig}}', config)
    .replaceAll('{{lang}}', lang)
    .replaceAll('{{page}}', match[2])
    .replaceAll('{{title}}', escapeHtml(titles[page]))
    .replace(/\{\{t\.(\w+)\}\}/g, (_, key) => escapeHtml(t[key] ?? ''));
}
