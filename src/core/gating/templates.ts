import { copyAttributes, isGatedScript, keepScriptText } from './scripts.js';

/** `<template data-consent="…">`: markup inserted only with consent. */
export function isGatedTemplate(element: Element): element is HTMLTemplateElement {
  return element.localName === 'template' && element.hasAttribute('data-consent');
}

/**
 * Inserts the template's content right after it and returns the scripts in it, in document
 * order. Each script becomes a fresh, empty, gated one (of the template's categories unless it
 * has its own mark) whose text is kept aside, so that it runs through the same path as the
 * others: once, in order, with the nonce and through the Trusted Types policy. A clone of the
 * template's own script would carry text Trusted Types does not trust.
 */
export function insertTemplate(win: Window, template: HTMLTemplateElement): HTMLScriptElement[] {
  const doc = template.ownerDocument;
  const content = doc.importNode(template.content, true);
  const mark = template.getAttribute('data-consent') ?? '';
  const scripts = Array.from(content.querySelectorAll('script'), (script) => {
    const element: Element = script;
    const ownMark = isGatedScript(element);
    const copy = doc.createElement('script');
    copyAttributes(win, script, copy, ownMark ? [] : ['type']);
    if (!ownMark) {
      const type = script.getAttribute('type');
      if (type) copy.setAttribute('data-type', type);
      copy.setAttribute('type', 'text/plain');
      copy.setAttribute('data-consent', mark);
    }
    keepScriptText(copy, script.text);
    script.replaceWith(copy);
    return copy;
  });
  template.after(content);
  return scripts;
}
